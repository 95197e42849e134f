package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.ScoreNormalizer;
import io.flotilla.scheduler.placement.kubernetes.framework.ScorePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.StateKey;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.List;
import java.util.OptionalLong;

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

    /** Per container image: the share of nodes that hold it (0 when none does) and its size on each node. */
    private record Images(double[] spread, long[][] sizes) {}

    private static final StateKey<Images> IMAGES = StateKey.create("PreScoreImageLocality");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        // the share of nodes is the same for every node scored, so it is computed once per pod
        double[] spread = new double[pod.images().size()];
        long[][] sizes = new long[spread.length][];
        int total = state.cluster().nodeCount();
        for (int i = 0; i < spread.length; i++) {
            int holders = state.cluster().nodesWithImage(pod.images().get(i));
            spread[i] = (double) holders / (double) total;
            sizes[i] = holders == 0 ? null : state.cluster().imageSizes(pod.images().get(i));
        }
        state.write(IMAGES, new Images(spread, sizes));
        return Status.SUCCESS;
    }

    @Override
    public OptionalLong uniformScore(CycleState state, PodInfo pod) {
        for (long[] sizes : state.read(IMAGES).sizes) {
            if (sizes != null) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(calculatePriority(0, pod.images().size())); // no image of the pod on any node
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        return score(state.read(IMAGES), node.index());
    }

    /** The PreScore state is read once and the image sizes by node index, not node by node. */
    @Override
    public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] out) {
        Images images = state.read(IMAGES);
        int[] indexes = state.indexes(nodes);
        for (int k = 0; k < out.length; k++) {
            out[k] = score(images, indexes[k]);
        }
    }

    private static long score(Images images, int x) {
        long sum = 0;
        for (int i = 0; i < images.spread.length; i++) {
            if (images.sizes[i] != null && images.sizes[i][x] > 0) {
                sum += (long) (images.sizes[i][x] * images.spread[i]);
            }
        }
        return calculatePriority(sum, images.spread.length);
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
