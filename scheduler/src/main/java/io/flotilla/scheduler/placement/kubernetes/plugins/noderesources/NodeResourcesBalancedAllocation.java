package io.flotilla.scheduler.placement.kubernetes.plugins.noderesources;

import io.flotilla.scheduler.placement.kubernetes.ScoringStrategy;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeTable;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.ScoreNormalizer;
import io.flotilla.scheduler.placement.kubernetes.framework.ScorePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.List;

/**
 * NodeResourcesBalancedAllocation: favours nodes whose resource fractions stay close to each other,
 * {@code (1 - std) * 100} truncated, where std is half the difference for two resources and the
 * population standard deviation for more. It counts real requests (no non-zero defaults), and since
 * v1.33 skips best-effort pods in PreScore (kubernetes#129138). No NormalizeScore.
 */
public final class NodeResourcesBalancedAllocation implements ScorePlugin {

    static final String NAME = "NodeResourcesBalancedAllocation";

    private final String[] resources;
    private final int[] kinds;
    /** Exactly cpu then memory: the default, scored without the general loop. */
    private final boolean cpuMemory;

    public NodeResourcesBalancedAllocation(List<ScoringStrategy.ResourceSpec> resources) {
        this.resources = resources.stream().map(ScoringStrategy.ResourceSpec::name).toArray(String[]::new);
        this.kinds = new int[this.resources.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = ResourceKind.of(this.resources[i]);
        }
        cpuMemory = kinds.length == 2 && kinds[0] == ResourceKind.CPU && kinds[1] == ResourceKind.MEMORY;
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
        return score(pod, state.cluster().table(), node.index(), node);
    }

    /** cpu and memory come from the table row {@code x}; the rarer resources from the node itself. */
    private long score(PodInfo pod, NodeTable t, int x, NodeInfo node) {
        if (cpuMemory) {
            return cpuMemory(pod, t, x);
        }
        double f0 = 0;
        double f1 = 0;
        double total = 0;
        int count = 0;
        double[] fractions = resources.length > 2 ? new double[resources.length] : null;
        for (int i = 0; i < resources.length; i++) {
            long podRequest;
            long allocatable;
            long requested;
            switch (kinds[i]) {
                case ResourceKind.CPU -> {
                    podRequest = pod.milliCpu();
                    allocatable = t.allocatableMilliCpu(x);
                    requested = t.requestedMilliCpu(x);
                }
                case ResourceKind.MEMORY -> {
                    podRequest = pod.memory();
                    allocatable = t.allocatableMemory(x);
                    requested = t.requestedMemory(x);
                }
                case ResourceKind.EPHEMERAL_STORAGE -> {
                    podRequest = pod.ephemeralStorage();
                    allocatable = node.allocatableEphemeralStorage();
                    requested = node.requestedEphemeralStorage();
                }
                case ResourceKind.EXTENDED -> {
                    podRequest = pod.extended().getOrDefault(resources[i], 0L);
                    if (podRequest == 0) {
                        continue;
                    }
                    allocatable = node.allocatable(resources[i]);
                    requested = node.requestedExtended(resources[i]);
                }
                default -> {
                    continue;
                }
            }
            if (allocatable == 0) {
                continue;
            }
            double fraction = Math.min((double) (requested + podRequest) / (double) allocatable, 1.0);
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

    /** The general loop specialised to cpu and memory: the same arithmetic, term by term. */
    private static long cpuMemory(PodInfo pod, NodeTable t, int x) {
        long allocCpu = t.allocatableMilliCpu(x);
        long allocMem = t.allocatableMemory(x);
        double std = 0;
        if (allocCpu != 0 && allocMem != 0) {
            double f0 = Math.min((double) (t.requestedMilliCpu(x) + pod.milliCpu()) / (double) allocCpu, 1.0);
            double f1 = Math.min((double) (t.requestedMemory(x) + pod.memory()) / (double) allocMem, 1.0);
            std = Math.abs((f0 - f1) / 2);
        }
        return (long) ((1 - std) * ScoreNormalizer.MAX_NODE_SCORE);
    }

    /** cpu and memory scores are remembered per node and request until the node changes. */
    @Override
    public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] out) {
        NodeTable table = state.cluster().table();
        int[] indexes = state.indexes(nodes);
        if (cpuMemory) {
            table.balanced().scores(indexes, pod.milliCpu(), pod.memory(), out, x -> cpuMemory(pod, table, x));
            return;
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = score(pod, table, indexes[k], nodes.get(k));
        }
    }
}
