package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;

/**
 * NodeResourcesBalancedAllocation: favours nodes whose resource fractions stay close to each other,
 * {@code (1 - std) * 100} truncated, where std is half the difference for two resources and the
 * population standard deviation for more. It counts real requests (no non-zero defaults), and since
 * v1.33 skips best-effort pods in PreScore (kubernetes#129138). No NormalizeScore.
 */
final class NodeResourcesBalancedAllocation implements ScorePlugin {

    static final String NAME = "NodeResourcesBalancedAllocation";

    private final String[] resources;

    NodeResourcesBalancedAllocation(List<ScoringStrategy.ResourceSpec> resources) {
        this.resources = resources.stream().map(ScoringStrategy.ResourceSpec::name).toArray(String[]::new);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        for (String r : resources) {
            if (pod.requestOf(r) != 0) {
                return Status.SUCCESS;
            }
        }
        return Status.SKIP;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        double f0 = 0;
        double f1 = 0;
        double total = 0;
        int count = 0;
        double[] fractions = resources.length > 2 ? new double[resources.length] : null;
        for (String r : resources) {
            long podRequest = pod.requestOf(r);
            if (podRequest == 0 && ResourceNames.isExtended(r)) {
                continue;
            }
            long allocatable = node.allocatable(r);
            if (allocatable == 0) {
                continue;
            }
            double fraction = Math.min((double) (node.requested(r, false) + podRequest) / (double) allocatable, 1.0);
            if (count == 0) {
                f0 = fraction;
            } else if (count == 1) {
                f1 = fraction;
            }
            if (fractions != null) {
                fractions[count] = fraction;
            }
            total += fraction;
            count++;
        }
        double std = 0;
        if (count == 2) {
            std = Math.abs((f0 - f1) / 2);
        } else if (count > 2) {
            double mean = total / count;
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += (fractions[i] - mean) * (fractions[i] - mean);
            }
            std = Math.sqrt(sum / count);
        }
        return (long) ((1 - std) * ScoreNormalizer.MAX_NODE_SCORE);
    }
}
