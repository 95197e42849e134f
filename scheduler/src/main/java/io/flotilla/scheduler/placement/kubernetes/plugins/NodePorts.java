package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.HostPort;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;

/** Rejects a node where a pod already uses one of the pod's host ports. */
final class NodePorts implements PreFilterPlugin, FilterPlugin {

    static final String NAME = "NodePorts";
    static final String ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod) {
        for (HostPort hp : pod.pod().hostPorts()) {
            if (hp.port() > 0) {
                return PreFilterResult.SUCCESS;
            }
        }
        return PreFilterResult.SKIP;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        for (HostPort wanted : pod.pod().hostPorts()) {
            if (wanted.port() <= 0) {
                continue;
            }
            for (HostPort used : node.usedPorts()) {
                if (wanted.conflictsWith(used)) {
                    return Status.unschedulable(ERR_REASON);
                }
            }
        }
        return Status.SUCCESS;
    }
}
