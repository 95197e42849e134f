package io.flotilla.scheduler.placement.kubernetes.plugins.noderesources;

import io.flotilla.scheduler.placement.kubernetes.ResourceNames;
import io.flotilla.scheduler.placement.kubernetes.ScoringStrategy;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeTable;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.ScoreNormalizer;
import io.flotilla.scheduler.placement.kubernetes.framework.ScorePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
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
public final class NodeResourcesFit implements FilterPlugin, ScorePlugin {

    static final String NAME = "NodeResourcesFit";
    static final String TOO_MANY_PODS = "Too many pods";
    static final String INSUFFICIENT = "Insufficient ";

    private static final long MAX_UTILIZATION = 100;

    private final ScoringStrategy strategy;
    private final String[] resources;
    private final int[] kinds;
    private final long[] weights;
    private final long[] shapeUtilization;
    private final long[] shapeScore;
    /** cpu and memory with weight 1 under LeastAllocated: the default, scored without the general loop. */
    private final boolean defaultLeastAllocated;

    public NodeResourcesFit(ScoringStrategy strategy) {
        this.strategy = strategy;
        int n = strategy.resources().size();
        resources = new String[n];
        kinds = new int[n];
        weights = new long[n];
        for (int i = 0; i < n; i++) {
            resources[i] = strategy.resources().get(i).name();
            kinds[i] = ResourceKind.of(resources[i]);
            weights[i] = strategy.resources().get(i).weight();
        }
        defaultLeastAllocated = strategy.type() == ScoringStrategy.Type.LEAST_ALLOCATED
                && strategy.resources().equals(ScoringStrategy.DEFAULT_RESOURCES);
        int m = strategy.shape().size();
        shapeUtilization = new long[m];
        shapeScore = new long[m];
        for (int i = 0; i < m; i++) {
            shapeUtilization[i] = strategy.shape().get(i).utilization();
            // MaxCustomPriorityScore is 10; the shape is scaled to MaxNodeScore
            shapeScore[i] = strategy.shape().get(i).score() * (ScoreNormalizer.MAX_NODE_SCORE / 10);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        Status[] verdict = {Status.SUCCESS};
        filterAll(state, pod, new NodeInfo[] {node}, new int[] {node.index()}, 1, verdict);
        return verdict[0];
    }

    /** The verdict from the node itself, with every reason it cannot take the pod (extended resources too). */
    private static Status reasons(PodInfo pod, NodeInfo node) {
        List<String> reasons = new ArrayList<>(0);
        boolean unresolvable = false;
        if (node.podCount() + 1 > node.allocatablePods()) {
            reasons.add(TOO_MANY_PODS);
        }
        if (pod.milliCpu() != 0 || pod.memory() != 0 || pod.ephemeralStorage() != 0 || pod.hasExtended()) {
            unresolvable |= check(pod.milliCpu(), node.requestedMilliCpu(), node.allocatableMilliCpu(), ResourceNames.CPU, reasons);
            unresolvable |= check(pod.memory(), node.requestedMemory(), node.allocatableMemory(), ResourceNames.MEMORY, reasons);
            unresolvable |= check(pod.ephemeralStorage(), node.requestedEphemeralStorage(), node.allocatableEphemeralStorage(),
                    ResourceNames.EPHEMERAL_STORAGE, reasons);
            if (pod.hasExtended()) {
                for (Map.Entry<String, Long> e : pod.extended().entrySet()) {
                    unresolvable |= check(e.getValue(), node.requestedExtended(e.getKey()),
                            node.allocatable(e.getKey()), e.getKey(), reasons);
                }
            }
        }
        if (reasons.isEmpty()) {
            return Status.SUCCESS;
        }
        String[] r = reasons.toArray(new String[0]);
        return unresolvable ? Status.unresolvable(r) : Status.unschedulable(r);
    }

    /**
     * The usual verdict comes from the table row, without collecting reasons: the pod fits, extended
     * resources aside. Only a node that does not fit is looked at for its reasons. The test is written
     * out in the loop, not in a method per node, so the compiler keeps the pod's requests out of it:
     * it inlines only small methods into a hot one.
     */
    @Override
    public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, int[] indexes, int n,
            Status[] statuses) {
        NodeTable t = state.cluster().table();
        long cpu = pod.milliCpu();
        long memory = pod.memory();
        long storage = pod.ephemeralStorage();
        boolean extended = pod.hasExtended();
        for (int i = 0; i < n; i++) {
            int x = indexes[i];
            if (statuses[i] == Status.SUCCESS && (extended
                    || t.podCount(x) >= t.allocatablePods(x)
                    || cpu > t.allocatableMilliCpu(x) - t.requestedMilliCpu(x)
                    || memory > t.allocatableMemory(x) - t.requestedMemory(x)
                    || storage > t.allocatableEphemeralStorage(x) - t.requestedEphemeralStorage(x))) {
                statuses[i] = reasons(pod, nodes[i]);
            }
        }
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
        return score(pod, state.cluster().table(), node.index(), node);
    }

    /** cpu and memory come from the table row {@code x}; the rarer resources from the node itself. */
    private long score(PodInfo pod, NodeTable t, int x, NodeInfo node) {
        if (defaultLeastAllocated) {
            return leastAllocatedCpuMemory(pod, t, x);
        }
        long nodeScore = 0;
        long weightSum = 0;
        for (int i = 0; i < resources.length; i++) {
            long podRequest;
            long allocatable;
            long requested;
            switch (kinds[i]) {
                case ResourceKind.CPU -> {
                    podRequest = pod.nonZeroMilliCpu();
                    allocatable = t.allocatableMilliCpu(x);
                    requested = t.nonZeroMilliCpu(x);
                }
                case ResourceKind.MEMORY -> {
                    podRequest = pod.nonZeroMemory();
                    allocatable = t.allocatableMemory(x);
                    requested = t.nonZeroMemory(x);
                }
                case ResourceKind.EPHEMERAL_STORAGE -> {
                    podRequest = pod.ephemeralStorage();
                    allocatable = node.allocatableEphemeralStorage();
                    requested = node.requestedEphemeralStorage();
                }
                case ResourceKind.EXTENDED -> {
                    podRequest = pod.hasExtended() ? pod.extended().getOrDefault(resources[i], 0L) : 0;
                    if (podRequest == 0) {
                        continue; // upstream bypasses extended resources the pod does not ask for
                    }
                    allocatable = node.allocatable(resources[i]);
                    requested = node.requestedExtended(resources[i]);
                }
                default -> {
                    continue; // pods is not a scoring resource
                }
            }
            if (allocatable == 0) {
                continue;
            }
            requested += podRequest;
            long resourceScore = switch (strategy.type()) {
                case LEAST_ALLOCATED -> requested > allocatable ? 0 : div((allocatable - requested) * 100, allocatable);
                case MOST_ALLOCATED -> div(Math.min(requested, allocatable) * 100, allocatable);
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
        return div(nodeScore, weightSum);
    }

    /** The general loop specialised to cpu and memory of weight 1: the same arithmetic, term by term. */
    private static long leastAllocatedCpuMemory(PodInfo pod, NodeTable t, int x) {
        long nodeScore = 0;
        long weightSum = 0;
        long allocatable = t.allocatableMilliCpu(x);
        if (allocatable != 0) {
            long requested = t.nonZeroMilliCpu(x) + pod.nonZeroMilliCpu();
            nodeScore += requested > allocatable ? 0 : div((allocatable - requested) * 100, allocatable);
            weightSum++;
        }
        allocatable = t.allocatableMemory(x);
        if (allocatable != 0) {
            long requested = t.nonZeroMemory(x) + pod.nonZeroMemory();
            nodeScore += requested > allocatable ? 0 : div((allocatable - requested) * 100, allocatable);
            weightSum++;
        }
        return weightSum == 2 ? nodeScore / 2 : nodeScore; // Σw is 2, 1 or 0 (and then the sum is 0)
    }

    /** Integer division; the fast path needs the dividend below 2^52 (allocatable below 2^45). */
    private static long div(long a, long b) {
        return a < (1L << 52) ? Arith.div(a, b) : a / b;
    }

    /** LeastAllocated over cpu and memory is remembered per node and request until the node changes. */
    @Override
    public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] out) {
        NodeTable table = state.cluster().table();
        int[] indexes = state.indexes(nodes);
        if (defaultLeastAllocated) {
            table.leastAllocated().scores(indexes, pod.nonZeroMilliCpu(), pod.nonZeroMemory(), out,
                    x -> leastAllocatedCpuMemory(pod, table, x));
            return;
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = score(pod, table, indexes[k], nodes.get(k));
        }
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
