package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeTable;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;

/**
 * Filter: check this node for this pod and say why not.
 *
 * <p>A plugin implements {@link #filter}; the framework's loop over a chunk of nodes is {@link
 * #filterAll}, which a plugin overrides only when it can pass most nodes without the per-node call
 * (NodeUnschedulable, TaintToleration and NodeResourcesFit read the {@link NodeTable} row first).
 */
public interface FilterPlugin extends Plugin {

    Status filter(CycleState state, PodInfo pod, NodeInfo node);

    /**
     * {@link #filter} for the first {@code n} nodes whose status is still success, in place: what the
     * framework calls on a chunk of nodes, plugin by plugin, with the nodes' indexes (their {@link
     * NodeTable} rows) beside them. An override must leave the statuses {@link #filter} would.
     */
    default void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, int[] indexes, int n, Status[] statuses) {
        for (int i = 0; i < n; i++) {
            if (statuses[i] == Status.SUCCESS) {
                statuses[i] = filter(state, pod, nodes[i]);
            }
        }
    }
}
