package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NodeResourcesFit. Filter: the pod's real requests must fit in allocatable minus what the node's
 * pods request, and the pod count in allocatable pods; a resource the pod alone overflows makes the
 * node UnschedulableAndUnresolvable (preemption cannot help). Score: the configured
 * {@link ScoringStrategy} over the non-zero requests (100m / 200Mi for a container that names none),
 * integer arithmetic as upstream; no NormalizeScore.
 */
final class NodeResourcesFit implements FilterPlugin, ScorePlugin {

    static final String NAME = "NodeResourcesFit";
    static final String TOO_MANY_PODS = "Too many pods";
    static final String INSUFFICIENT = "Insufficient ";

    private static final long MAX_UTILIZATION = 100;

    private final ScoringStrategy strategy;
    private final String[] resources;
    private final long[] weights;
    private final long[] shapeUtilization;
    private final long[] shapeScore;

    NodeResourcesFit(ScoringStrategy strategy) {
        this.strategy = strategy;
        int n = strategy.resources().size();
        resources = new String[n];
        weights = new long[n];
        for (int i = 0; i < n; i++) {
            resources[i] = strategy.resources().get(i).name();
            weights[i] = strategy.resources().get(i).weight();
        }
        int m = strategy.shape().size();
        shapeUtilization = new long[m];
        shapeScore = new long[m];
        for (int i = 0; i < m; i++) {
            shapeUtilization[i] = strategy.shape().get(i).utilization();
            // MaxCustomPriorityScore is 10; the shape is scaled to MaxNodeScore
            shapeScore[i] = strategy.shape().get(i).score() * (ScoreNormalizer.MAX_NODE_SCORE / 10);
        }
    }

    ScoringStrategy strategy() {
        return strategy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        List<String> reasons = new ArrayList<>(0);
        boolean unresolvable = false;
        if (node.pods.size() + 1 > node.allocatable(ResourceNames.PODS)) {
            reasons.add(TOO_MANY_PODS);
        }
        if (pod.milliCpu != 0 || pod.memory != 0 || pod.ephemeralStorage != 0 || !pod.extended.isEmpty()) {
            unresolvable |= check(pod.milliCpu, node.requestedMilliCpu, node.allocatable(ResourceNames.CPU),
                    ResourceNames.CPU, reasons);
            unresolvable |= check(pod.memory, node.requestedMemory, node.allocatable(ResourceNames.MEMORY),
                    ResourceNames.MEMORY, reasons);
            unresolvable |= check(pod.ephemeralStorage, node.requestedEphemeralStorage,
                    node.allocatable(ResourceNames.EPHEMERAL_STORAGE), ResourceNames.EPHEMERAL_STORAGE, reasons);
            for (Map.Entry<String, Long> e : pod.extended.entrySet()) {
                unresolvable |= check(e.getValue(), node.requestedExtended.getOrDefault(e.getKey(), 0L),
                        node.allocatable(e.getKey()), e.getKey(), reasons);
            }
        }
        if (reasons.isEmpty()) {
            return Status.SUCCESS;
        }
        String[] r = reasons.toArray(new String[0]);
        return unresolvable ? Status.unresolvable(r) : Status.unschedulable(r);
    }

    /** Adds the reason when the request does not fit; returns whether the pod alone overflows the node. */
    private static boolean check(long request, long requested, long allocatable, String name, List<String> reasons) {
        if (request > 0 && request > allocatable - requested) {
            reasons.add(INSUFFICIENT + name);
            return request > allocatable;
        }
        return false;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long nodeScore = 0;
        long weightSum = 0;
        for (int i = 0; i < resources.length; i++) {
            String r = resources[i];
            long podRequest = nonZeroRequest(pod, r);
            if (podRequest == 0 && ResourceNames.isExtended(r)) {
                continue; // upstream bypasses extended resources the pod does not ask for
            }
            long allocatable = node.allocatable(r);
            if (allocatable == 0) {
                continue;
            }
            long requested = node.requested(r, true) + podRequest;
            long resourceScore = switch (strategy.type()) {
                case LEAST_ALLOCATED -> requested > allocatable ? 0 : (allocatable - requested) * 100 / allocatable;
                case MOST_ALLOCATED -> Math.min(requested, allocatable) * 100 / allocatable;
                case REQUESTED_TO_CAPACITY_RATIO -> shape(requested > allocatable
                        ? MAX_UTILIZATION : requested * MAX_UTILIZATION / allocatable);
            };
            if (strategy.type() == ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO && resourceScore <= 0) {
                continue; // only resources that score take part in this strategy's average
            }
            nodeScore += resourceScore * weights[i];
            weightSum += weights[i];
        }
        if (weightSum == 0) {
            return 0;
        }
        if (strategy.type() == ScoringStrategy.Type.REQUESTED_TO_CAPACITY_RATIO) {
            return Math.round((double) nodeScore / weightSum);
        }
        return nodeScore / weightSum;
    }

    private static long nonZeroRequest(PodInfo pod, String resource) {
        return switch (resource) {
            case ResourceNames.CPU -> pod.nonZeroMilliCpu;
            case ResourceNames.MEMORY -> pod.nonZeroMemory;
            default -> pod.requestOf(resource);
        };
    }

    /** Upstream {@code BuildBrokenLinearFunction}: linear between points, flat outside them. */
    private long shape(long p) {
        for (int i = 0; i < shapeUtilization.length; i++) {
            if (p <= shapeUtilization[i]) {
                if (i == 0) {
                    return shapeScore[0];
                }
                return shapeScore[i - 1] + (shapeScore[i] - shapeScore[i - 1]) * (p - shapeUtilization[i - 1])
                        / (shapeUtilization[i] - shapeUtilization[i - 1]);
            }
        }
        return shapeScore[shapeScore.length - 1];
    }
}
