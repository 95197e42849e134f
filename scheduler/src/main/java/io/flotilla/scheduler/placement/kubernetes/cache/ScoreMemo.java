package io.flotilla.scheduler.placement.kubernetes.cache;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The score a plugin last gave each node for a request of (cpu, memory), until the node changes.
 * Replicas ask for the same, so a cycle mostly scores nodes an earlier cycle scored for the very
 * same request, and the memo saves the divisions; the score is the formula's, never an estimate.
 * The {@link NodeTable} owns one per memoised plugin and forgets a node's score whenever its row
 * changes.
 */
public final class ScoreMemo {

    private long[] cpu = new long[0];
    private long[] memory = new long[0];
    private long[] score = new long[0];

    ScoreMemo() {}

    /**
     * The score of node {@code indexes[k]} for the request into {@code out[k]}: the remembered
     * one, or else {@code formula}'s, which is then remembered.
     */
    public void scores(int[] indexes, long podCpu, long podMemory, long[] out, IntToLongFunction formula) {
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
