package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.VolumeBinder;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.ReservePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.List;
import java.util.Optional;

/**
 * VolumeBinding as a hook: pods without claims skip it; for the others the configured
 * {@link VolumeBinder} decides in PreFilter, Filter and Reserve, with the reason texts it owns. The
 * binding itself happens in PreBind, outside this pure code.
 */
final class VolumeBinding implements PreFilterPlugin, FilterPlugin, ReservePlugin {

    static final String NAME = "VolumeBinding";
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
        Optional<String> problem = binder.preFilter(pod.pod());
        return problem.isPresent() ? PreFilterResult.of(Status.unresolvable(problem.get())) : PreFilterResult.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        List<String> reasons = binder.filter(pod.pod(), node.node());
        return reasons.isEmpty() ? Status.SUCCESS : Status.unresolvable(reasons.toArray(new String[0]));
    }

    @Override
    public Status reserve(CycleState state, PodInfo pod, NodeInfo node) {
        if (pod.pod().volumeClaims().isEmpty()) {
            return Status.SUCCESS;
        }
        Optional<String> error = binder.reserve(pod.pod(), node.name());
        return error.isPresent() ? new Status(Status.Code.ERROR, List.of(error.get()), NAME) : Status.SUCCESS;
    }

    @Override
    public void unreserve(CycleState state, PodInfo pod, NodeInfo node) {
        if (!pod.pod().volumeClaims().isEmpty()) {
            binder.unreserve(pod.pod(), node.name());
        }
    }
}
