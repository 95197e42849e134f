package io.flotilla.scheduler.placement.kubernetes;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * What the filter and score plugins read for every candidate node, copied into arrays by node index.
 * A cycle walks the same few hundred nodes once per plugin; reading packed arrays instead of a few
 * hundred scattered {@link NodeInfo} objects each time is what keeps a cycle within tens of
 * microseconds. {@link NodeInfo} stays the truth: the cluster state copies a node's row after
 * every change to it.
 */
final class NodeTable {

    long[] allocatableMilliCpu = new long[16];
    long[] allocatableMemory = new long[16];
    long[] requestedMilliCpu = new long[16];
    long[] requestedMemory = new long[16];
    long[] nonZeroMilliCpu = new long[16];
    long[] nonZeroMemory = new long[16];
    long[] allocatableEphemeralStorage = new long[16];
    long[] requestedEphemeralStorage = new long[16];
    long[] allocatablePods = new long[16];
    long[] podCount = new long[16];
    boolean[] unschedulable = new boolean[16];
    boolean[] filteringTaints = new boolean[16];
    /** LeastAllocated over cpu and memory, by the pod's non-zero requests. */
    final ScoreMemo leastAllocated = new ScoreMemo();
    /** BalancedAllocation over cpu and memory, by the pod's requests. */
    final ScoreMemo balanced = new ScoreMemo();

    void sync(NodeInfo n) {
        int i = n.index;
        if (i >= allocatableMilliCpu.length) {
            int size = Math.max(i + 1, allocatableMilliCpu.length * 2);
            allocatableMilliCpu = Arrays.copyOf(allocatableMilliCpu, size);
            allocatableMemory = Arrays.copyOf(allocatableMemory, size);
            requestedMilliCpu = Arrays.copyOf(requestedMilliCpu, size);
            requestedMemory = Arrays.copyOf(requestedMemory, size);
            nonZeroMilliCpu = Arrays.copyOf(nonZeroMilliCpu, size);
            nonZeroMemory = Arrays.copyOf(nonZeroMemory, size);
            allocatableEphemeralStorage = Arrays.copyOf(allocatableEphemeralStorage, size);
            requestedEphemeralStorage = Arrays.copyOf(requestedEphemeralStorage, size);
            allocatablePods = Arrays.copyOf(allocatablePods, size);
            podCount = Arrays.copyOf(podCount, size);
            unschedulable = Arrays.copyOf(unschedulable, size);
            filteringTaints = Arrays.copyOf(filteringTaints, size);
        }
        allocatableMilliCpu[i] = n.allocatableMilliCpu;
        allocatableMemory[i] = n.allocatableMemory;
        requestedMilliCpu[i] = n.requestedMilliCpu;
        requestedMemory[i] = n.requestedMemory;
        nonZeroMilliCpu[i] = n.nonZeroMilliCpu;
        nonZeroMemory[i] = n.nonZeroMemory;
        allocatableEphemeralStorage[i] = n.allocatableEphemeralStorage;
        requestedEphemeralStorage[i] = n.requestedEphemeralStorage;
        allocatablePods[i] = n.allocatablePods;
        podCount[i] = n.podCount;
        unschedulable[i] = n.unschedulable;
        filteringTaints[i] = n.filteringTaints;
        leastAllocated.forget(i);
        balanced.forget(i);
    }

    void rebuild(List<NodeInfo> nodes) {
        for (NodeInfo n : nodes) {
            sync(n);
        }
    }

    /**
     * The score a plugin last gave each node for a request of (cpu, memory), until the node changes.
     * Replicas ask for the same, so a cycle mostly scores nodes an earlier cycle scored for the very
     * same request, and the memo saves the divisions; the score is the formula's, never an estimate.
     */
    static final class ScoreMemo {

        private long[] cpu = new long[0];
        private long[] memory = new long[0];
        private long[] score = new long[0];

        /**
         * The score of node {@code indexes[k]} for the request into {@code out[k]}: the remembered
         * one, or else {@code formula}'s, which is then remembered.
         */
        void scores(int[] indexes, long podCpu, long podMemory, long[] out, IntToLongFunction formula) {
            for (int k = 0; k < out.length; k++) {
                int x = indexes[k];
                if (cpu[x] != podCpu || memory[x] != podMemory) {
                    cpu[x] = podCpu;
                    memory[x] = podMemory;
                    score[x] = formula.applyAsLong(x);
                }
                out[k] = score[x];
            }
        }

        /** Drops what is remembered of node {@code x}, making room for it first if it is new. */
        void forget(int x) {
            if (x >= cpu.length) {
                int size = Math.max(x + 1, cpu.length * 2);
                cpu = Arrays.copyOf(cpu, size);
                memory = Arrays.copyOf(memory, size);
                score = Arrays.copyOf(score, size);
            }
            cpu[x] = -1;
        }
    }
}
