package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;

/**
 * PreScore, Score and NormalizeScore of one plugin. PreScore sees the feasible nodes and may return
 * SKIP, after which the plugin adds 0 to every node; Score gives one integer per node; Normalize maps
 * the scores into [0, 100] in place (plugins without ScoreExtensions leave them as they are).
 */
interface ScorePlugin extends Plugin {

    default Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        return Status.SUCCESS;
    }

    long score(CycleState state, PodInfo pod, NodeInfo node);

    default void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {}
}
