package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolume;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import io.flotilla.scheduler.placement.kubernetes.volume.StorageClass;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeCatalog;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeLimits;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * NodeVolumeLimits, its CSI part (upstream {@code nodevolumelimits/csi.go}, {@code CSILimits}): a node
 * takes at most its attach limit of volumes per CSI driver. The volumes counted are those of the pods
 * bound to the node, each once however many pods share it; the pod's own that are not among them are
 * added, and where a driver would go over its limit the node fails with
 * {@value #ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED}, Unschedulable (preemption may free room). Pods
 * without claims skip it.
 *
 * <p>A claim's driver is its volume's (here: the provisioner of the volume's class); an unbound claim,
 * or one bound to a volume that is gone, counts by its own class's provisioner under a handle of its
 * own, and a claim whose class is unknown is not counted. A claim that does not exist is not counted
 * either: upstream fails the pod here ("looking up PVC ...: not found"), but VolumeBinding's PreFilter
 * has already failed it for that, before any Filter runs, so the message could never be seen.
 */
final class NodeVolumeLimits implements PreFilterPlugin, FilterPlugin {

    static final String NAME = "NodeVolumeLimits";
    /** Upstream {@code ErrReasonMaxVolumeCountExceeded}. */
    static final String ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED = "node(s) exceed max volume count";

    private final VolumeCatalog catalog;
    private final VolumeLimits limits;

    NodeVolumeLimits(VolumeCatalog catalog, VolumeLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Upstream skips pods with no volume a driver could attach (no claim here). */
    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod) {
        return pod.pod().volumeClaims().isEmpty() ? PreFilterResult.SKIP : PreFilterResult.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        Map<String, String> newVolumes = new LinkedHashMap<>();
        addVolumes(pod, newVolumes);
        if (newVolumes.isEmpty()) {
            return Status.SUCCESS;
        }
        Map<String, Long> nodeLimits = limits.allocatable(node.node());
        if (nodeLimits.isEmpty()) {
            return Status.SUCCESS;
        }
        Map<String, String> attached = new HashMap<>();
        for (PodInfo existing : node.pods()) {
            addVolumes(existing, attached);
        }
        Map<String, Integer> attachedCount = new HashMap<>();
        attached.forEach((handle, driver) -> {
            newVolumes.remove(handle); // a volume several pods share counts once
            attachedCount.merge(driver, 1, Integer::sum);
        });
        Map<String, Integer> newCount = new LinkedHashMap<>();
        newVolumes.values().forEach(driver -> newCount.merge(driver, 1, Integer::sum));
        for (Map.Entry<String, Integer> e : newCount.entrySet()) {
            Long max = nodeLimits.get(e.getKey());
            if (max != null && attachedCount.getOrDefault(e.getKey(), 0) + e.getValue() > max) {
                return Status.unschedulable(ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED);
            }
        }
        return Status.SUCCESS;
    }

    /** The pod's volumes as unique name ({@code driver/handle}) to driver; claims not found are skipped. */
    private void addVolumes(PodInfo pod, Map<String, String> out) {
        for (String name : pod.pod().volumeClaims()) {
            catalog.claim(pod.pod().namespace(), name).flatMap(this::driverAndHandle)
                    .ifPresent(v -> out.put(v.driver() + "/" + v.handle(), v.driver()));
        }
    }

    /** Upstream {@code getCSIDriverInfo}, then {@code getCSIDriverInfoFromSC} when there is no volume. */
    private record Attachable(String driver, String handle) {}

    private Optional<Attachable> driverAndHandle(PersistentVolumeClaim claim) {
        if (!claim.volumeName().isEmpty()) {
            Optional<PersistentVolume> pv = catalog.volume(claim.volumeName());
            if (pv.isPresent()) {
                return catalog.storageClass(pv.get().storageClass())
                        .map(c -> new Attachable(c.provisioner(), pv.get().name()));
            }
        }
        return catalog.storageClass(claim.storageClass()).map(StorageClass::provisioner)
                .map(driver -> new Attachable(driver, "claim:" + claim.key()));
    }
}
