package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;
import java.util.Optional;

/**
 * The volume side of scheduling, left to whoever models PersistentVolumes and their claims (the
 * StatefulSet work): VolumeBinding calls it for pods that mount claims and turns its answers into
 * statuses, all UnschedulableAndUnresolvable as upstream. Reasons should be the constants below so
 * that messages read as upstream's.
 */
public interface VolumeBinder {

    /** Upstream {@code volumebinding} ConflictReasons; newer releases say {@code node(s) didn't match PersistentVolume's node affinity}. */
    String ERR_REASON_NODE_CONFLICT = "node(s) had volume node affinity conflict";
    String ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
    String ERR_REASON_NOT_ENOUGH_SPACE = "node(s) did not have enough free storage";
    String ERR_REASON_PV_NOT_EXIST = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
    /** A PreFilter message: a claim with Immediate binding is not bound yet. */
    String ERR_REASON_UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";

    /**
     * Problems with the pod's claims as a whole, before any node is looked at: for example
     * {@code persistentvolumeclaim "data-db-0" not found} or {@value #ERR_REASON_UNBOUND_IMMEDIATE}.
     */
    Optional<String> preFilter(Pod pod);

    /** Why the node cannot satisfy the pod's claims; empty when it can. */
    List<String> filter(Pod pod, KubeNode node);

    /** Assumes the pod's claims bound on the chosen node; an error undoes the placement. */
    Optional<String> reserve(Pod pod, String node);

    /** Forgets what {@link #reserve} assumed. */
    void unreserve(Pod pod, String node);

    /**
     * The binder of a cluster without PersistentVolumeClaims: every claim a pod names is missing,
     * as the API server would say it.
     */
    VolumeBinder NO_CLAIMS = new VolumeBinder() {
        @Override
        public Optional<String> preFilter(Pod pod) {
            return Optional.of("persistentvolumeclaim \"" + pod.volumeClaims().get(0) + "\" not found");
        }

        @Override
        public List<String> filter(Pod pod, KubeNode node) {
            return List.of();
        }

        @Override
        public Optional<String> reserve(Pod pod, String node) {
            return Optional.empty();
        }

        @Override
        public void unreserve(Pod pod, String node) {}
    };
}
