package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import java.util.List;
import java.util.OptionalLong;

/**
 * PreScore, Score and NormalizeScore of one plugin. PreScore sees the feasible nodes and may return
 * SKIP, after which the plugin adds 0 to every node; Score gives one integer per node; Normalize maps
 * the scores into [0, 100] in place (plugins without ScoreExtensions leave them as they are).
 */
public interface ScorePlugin extends Plugin {

    default Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        return Status.SUCCESS;
    }

    long score(CycleState state, PodInfo pod, NodeInfo node);

    /**
     * {@link #score} for every node, into {@code out}: what the framework calls. A plugin overrides it
     * only when it has a faster way to the same numbers, such as reading its PreScore state once and
     * the nodes by index ({@link CycleState#indexes}) instead of node by node.
     */
    default void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = score(state, pod, nodes.get(k));
        }
    }

    /**
     * The normalised score every node gets, when the plugin knows it after PreScore without looking
     * at the nodes (for example no node has a PreferNoSchedule taint); the framework then skips Score
     * and NormalizeScore. A shortcut only: the result must equal what they would give.
     */
    default OptionalLong uniformScore(CycleState state, PodInfo pod) {
        return OptionalLong.empty();
    }

    default void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {}
}
