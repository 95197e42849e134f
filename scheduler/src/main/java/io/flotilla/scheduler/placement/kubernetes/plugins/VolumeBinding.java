package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreBindPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.ReservePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.StateKey;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import io.flotilla.scheduler.placement.kubernetes.volume.PodVolumeClaims;
import io.flotilla.scheduler.placement.kubernetes.volume.PodVolumes;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeBinder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VolumeBinding (upstream {@code volume_binding.go}): pods without claims skip it. PreFilter reads
 * the pod's claims once (a missing, lost or deleted claim, or an unbound claim of Immediate binding,
 * rejects every node); Filter asks the {@link VolumeBinder} whether each node can serve every claim
 * and keeps what it would take; Reserve assumes the chosen node's bindings and PreBind writes them.
 * Every rejection is UnschedulableAndUnresolvable: evicting pods frees no volume.
 *
 * <p>Upstream's Score (capacity priority) is behind the alpha VolumeCapacityPriority gate and is not
 * here; neither is the PreFilter narrowing to a local volume's node, which 1.27 added and 1.32 took
 * out again (a node's hostname label need not be its name), so a pod whose local volume is on a
 * node it cannot use reads {@code N node(s) had volume node affinity conflict} for every other node.
 */
final class VolumeBinding implements PreFilterPlugin, FilterPlugin, ReservePlugin, PreBindPlugin {

    static final String NAME = "VolumeBinding";
    private static final StateKey<CycleData> KEY = StateKey.create(NAME);

    /** What the cycle learnt: the pod's claims, each feasible node's bindings, and whether Reserve found all bound. */
    private static final class CycleData {
        final PodVolumeClaims claims;
        final Map<String, PodVolumes> byNode = new HashMap<>();
        boolean allBound;

        CycleData(PodVolumeClaims claims) {
            this.claims = claims;
        }
    }

    private final VolumeBinder binder;

    VolumeBinding(VolumeBinder binder) {
        this.binder = binder;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod) {
        if (pod.pod().volumeClaims().isEmpty()) {
            return PreFilterResult.SKIP;
        }
        VolumeBinder.Claims claims = binder.podVolumeClaims(pod.pod());
        if (claims.problem().isPresent()) {
            return PreFilterResult.of(Status.unresolvable(claims.problem().get()));
        }
        if (!claims.claims().unboundImmediate().isEmpty()) {
            return PreFilterResult.of(Status.unresolvable(VolumeBinder.ERR_REASON_UNBOUND_IMMEDIATE));
        }
        state.write(KEY, new CycleData(claims.claims()));
        return PreFilterResult.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        CycleData data = state.read(KEY);
        VolumeBinder.Found found = binder.findPodVolumes(pod.pod(), data.claims, node.node());
        if (!found.reasons().isEmpty()) {
            return Status.unresolvable(found.reasons().toArray(new String[0]));
        }
        data.byNode.put(node.name(), found.volumes());
        return Status.SUCCESS;
    }

    @Override
    public Status reserve(CycleState state, PodInfo pod, NodeInfo node) {
        if (pod.pod().volumeClaims().isEmpty()) {
            return Status.SUCCESS;
        }
        CycleData data = state.read(KEY);
        PodVolumes volumes = data.byNode.get(node.name());
        data.allBound = volumes == null || binder.assumePodVolumes(pod.pod(), node.name(), volumes);
        return Status.SUCCESS;
    }

    @Override
    public void unreserve(CycleState state, PodInfo pod, NodeInfo node) {
        if (pod.pod().volumeClaims().isEmpty()) {
            return;
        }
        PodVolumes volumes = state.read(KEY).byNode.get(node.name());
        if (volumes != null) {
            binder.revertAssumedPodVolumes(volumes);
        }
    }

    @Override
    public Status preBind(CycleState state, PodInfo pod, String node) {
        if (pod.pod().volumeClaims().isEmpty()) {
            return Status.SUCCESS;
        }
        CycleData data = state.read(KEY);
        if (data.allBound) {
            return Status.SUCCESS;
        }
        PodVolumes volumes = data.byNode.get(node);
        if (volumes == null) {
            return new Status(Status.Code.ERROR, List.of("no pod volumes found for node \"" + node + "\""), NAME);
        }
        Optional<String> error = binder.bindPodVolumes(pod.pod(), node, volumes);
        return error.isPresent() ? new Status(Status.Code.ERROR, List.of(error.get()), NAME) : Status.SUCCESS;
    }
}
