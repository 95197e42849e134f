package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeTable;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;

/** Filter: check this node for this pod and say why not. */
public interface FilterPlugin extends Plugin {

    Status filter(CycleState state, PodInfo pod, NodeInfo node);

    /**
     * {@link #filter} for the first {@code n} nodes whose status is still success, in place: what the
     * framework calls on a chunk of nodes, plugin by plugin, with the nodes' indexes beside them so
     * that a plugin can read the {@link NodeTable} instead of the nodes. Plugins on the hot path
     * override it so that each has its own call site, which the JIT can inline.
     */
    default void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, int[] indexes, int n, Status[] statuses) {
        for (int i = 0; i < n; i++) {
            if (statuses[i] == Status.SUCCESS) {
                statuses[i] = filter(state, pod, nodes[i]);
            }
        }
    }
}
