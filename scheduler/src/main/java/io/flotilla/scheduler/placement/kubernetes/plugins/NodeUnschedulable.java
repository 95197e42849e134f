package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeTable;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;

/** Filters out cordoned nodes ({@code spec.unschedulable}) unless the pod tolerates the unschedulable taint. */
final class NodeUnschedulable implements FilterPlugin {

    static final String NAME = "NodeUnschedulable";
    static final String ERR_REASON = "node(s) were unschedulable";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        if (!node.unschedulable()) {
            return Status.SUCCESS;
        }
        for (Toleration t : pod.pod().tolerations()) {
            if (t.tolerates(Taint.UNSCHEDULABLE)) {
                return Status.SUCCESS;
            }
        }
        return Status.unresolvable(ERR_REASON);
    }

    /** Most nodes are not cordoned: the table row says so without touching the node. */
    @Override
    public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, int[] indexes, int n,
            Status[] statuses) {
        NodeTable table = state.cluster().table();
        for (int i = 0; i < n; i++) {
            if (statuses[i] == Status.SUCCESS && table.unschedulable(indexes[i])) {
                statuses[i] = filter(state, pod, nodes[i]);
            }
        }
    }
}
