package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import java.util.Arrays;

/**
 * The working arrays of one scheduling cycle, kept for the next cycle on the same thread. Each is
 * handed out at the exact length asked for, so code that reads an array's length reads the cycle's
 * count; one of another length is made anew and kept instead. At 5,000 nodes a cycle filters in
 * chunks of up to 128 nodes and scores 500, and fresh arrays for those were 14 KB a pod: a third
 * of what a Kubernetes run allocated, collected every few hundred pods.
 *
 * <p>A cycle takes the buffers with {@link #take} and gives them back with {@link #release}; a
 * cycle started inside another on the same thread (none is today) gets buffers of its own. Only the
 * cycle's own steps, up to Score, read them: the nodes they held are let go at the release, so that
 * a thread keeps no finished simulation's nodes alive, and a later reader would fail, not read the
 * next cycle's nodes.
 */
public final class CycleBuffers {

    private static final ThreadLocal<CycleBuffers> PER_THREAD = ThreadLocal.withInitial(CycleBuffers::new);

    private boolean inUse;
    private NodeInfo[] feasible = new NodeInfo[0];
    private int[] feasibleIndexes = new int[0];
    private NodeInfo[] chunk = new NodeInfo[0];
    private int[] chunkIndexes = new int[0];
    private Status[] chunkStatuses = new Status[0];
    private long[] totals = new long[0];
    private long[] scores = new long[0];

    private CycleBuffers() {}

    /** The calling thread's buffers, or fresh ones while a cycle on this thread holds them. */
    public static CycleBuffers take() {
        CycleBuffers buffers = PER_THREAD.get();
        if (buffers.inUse) {
            buffers = new CycleBuffers();
        }
        buffers.inUse = true;
        return buffers;
    }

    /** The cycle is over: nothing it was given is read again. */
    public void release() {
        Arrays.fill(feasible, null);
        Arrays.fill(chunk, null);
        Arrays.fill(chunkStatuses, null);
        inUse = false;
    }

    public NodeInfo[] feasible(int length) {
        if (feasible.length != length) {
            feasible = new NodeInfo[length];
        }
        return feasible;
    }

    public int[] feasibleIndexes(int length) {
        if (feasibleIndexes.length != length) {
            feasibleIndexes = new int[length];
        }
        return feasibleIndexes;
    }

    public NodeInfo[] chunk(int length) {
        if (chunk.length != length) {
            chunk = new NodeInfo[length];
        }
        return chunk;
    }

    public int[] chunkIndexes(int length) {
        if (chunkIndexes.length != length) {
            chunkIndexes = new int[length];
        }
        return chunkIndexes;
    }

    public Status[] chunkStatuses(int length) {
        if (chunkStatuses.length != length) {
            chunkStatuses = new Status[length];
        }
        return chunkStatuses;
    }

    /** Zeroed: the weighted sum adds to it. */
    long[] totals(int length) {
        if (totals.length != length) {
            totals = new long[length];
        } else {
            Arrays.fill(totals, 0);
        }
        return totals;
    }

    /** As the last cycle left it: every score plugin writes each node's score before it is read. */
    long[] scores(int length) {
        if (scores.length != length) {
            scores = new long[length];
        }
        return scores;
    }
}
