package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;

/**
 * ImageLocality: favours nodes that already hold the pod's images. Each image present scores its size
 * scaled by the share of nodes that have it (so images everywhere count little); the sum is clamped
 * to [23 MiB, 1000 MiB x containers] and mapped linearly onto 0..100. Init containers count. No
 * NormalizeScore.
 */
final class ImageLocality implements ScorePlugin {

    static final String NAME = "ImageLocality";
    private static final long MB = 1024 * 1024;
    static final long MIN_THRESHOLD = 23 * MB;
    static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long sum = 0;
        int containers = pod.pod.initContainers().size() + pod.pod.containers().size();
        if (state.cluster.anyImage()) {
            int total = state.cluster.nodeCount();
            sum += sumImageScores(state.cluster, pod.pod.initContainers(), node, total);
            sum += sumImageScores(state.cluster, pod.pod.containers(), node, total);
        }
        return calculatePriority(sum, containers);
    }

    private static long sumImageScores(ClusterState cluster, List<Container> containers, NodeInfo node, int total) {
        long sum = 0;
        for (Container c : containers) {
            String image = KubeNode.normalizedImageName(c.image());
            Long size = node.node.images().get(image);
            if (size != null) {
                double spread = (double) cluster.nodesWithImage(image) / (double) total;
                sum += (long) (size * spread);
            }
        }
        return sum;
    }

    static long calculatePriority(long sumScores, int numContainers) {
        long maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
        if (sumScores < MIN_THRESHOLD) {
            sumScores = MIN_THRESHOLD;
        } else if (sumScores > maxThreshold) {
            sumScores = maxThreshold;
        }
        return ScoreNormalizer.MAX_NODE_SCORE * (sumScores - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD);
    }
}
