package io.flotilla.scheduler.placement.kubernetes.volume;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import java.util.List;
import java.util.Optional;

/**
 * What the VolumeBinding plugin asks of the volume model (upstream {@code SchedulerVolumeBinder}):
 * the pod's claims sorted once per cycle, what each node would need to bind them, the assumption of
 * the chosen node's bindings in Reserve (undone by Unreserve), and the API writes of PreBind. Every
 * reason is one of the constants here, so that messages read as upstream's; all of them are
 * UnschedulableAndUnresolvable, since evicting pods frees no volume.
 */
public interface VolumeBinder {

    /** Upstream {@code ErrReasonNodeConflict}; newer releases say {@code node(s) didn't match PersistentVolume's node affinity}. */
    String ERR_REASON_NODE_CONFLICT = "node(s) had volume node affinity conflict";
    /** Upstream {@code ErrReasonBindConflict}. */
    String ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
    /** Upstream {@code ErrReasonNotEnoughSpace}. */
    String ERR_REASON_NOT_ENOUGH_SPACE = "node(s) did not have enough free storage";
    /** Upstream {@code ErrReasonPVNotExist}. */
    String ERR_REASON_PV_NOT_EXIST = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
    /** The PreFilter reason for a claim of Immediate binding that is not bound yet. */
    String ERR_REASON_UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";

    /** The pod's claims sorted, or why none of its claims can be looked at (a claim missing, lost or being deleted). */
    record Claims(Optional<String> problem, PodVolumeClaims claims) {
        public static Claims of(PodVolumeClaims claims) {
            return new Claims(Optional.empty(), claims);
        }

        public static Claims problem(String message) {
            return new Claims(Optional.of(message), PodVolumeClaims.NONE);
        }
    }

    /** A node's verdict: what binding on it would take, or the reasons it cannot (empty when it can). */
    record Found(PodVolumes volumes, List<String> reasons) {
        public Found {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * Upstream {@code podHasPVCs} and {@code GetPodVolumeClaims}: {@code persistentvolumeclaim "x" not
     * found}, {@code ... bound to non-existent persistentvolume ...} or {@code ... is being deleted}
     * for a claim that cannot be used, else the claims sorted.
     */
    Claims podVolumeClaims(Pod pod);

    /** Upstream {@code FindPodVolumes}: whether the node can serve every claim, and how. */
    Found findPodVolumes(Pod pod, PodVolumeClaims claims, KubeNode node);

    /**
     * Upstream {@code AssumePodVolumes}: takes the node's bindings as made in the binder's caches,
     * so the next pod does not pick the same volume; true when the pod's claims were all bound
     * already (PreBind has nothing to do).
     */
    boolean assumePodVolumes(Pod pod, String node, PodVolumes volumes);

    /** Upstream {@code RevertAssumedPodVolumes}. */
    void revertAssumedPodVolumes(PodVolumes volumes);

    /**
     * Upstream {@code BindPodVolumes}: writes the bindings and the provisioning requests and checks
     * that the PV controller bound every claim; the error when it did not.
     */
    Optional<String> bindPodVolumes(Pod pod, String node, PodVolumes volumes);

    /** The binder of a cluster without storage: every claim a pod names is missing, as the API server would say. */
    VolumeBinder NO_CLAIMS = new ClaimBinder(VolumeCatalog.EMPTY, VolumeWrites.NONE);
}
