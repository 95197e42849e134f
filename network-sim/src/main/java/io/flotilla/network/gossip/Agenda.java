package io.flotilla.network.gossip;

import java.util.Arrays;

/**
 * The model's own pending actions (gossip ticks, probes, deliveries, timers) in virtual time.
 * Ties at one instant run in the order they were scheduled, so a run is a function of its inputs.
 *
 * <p>A binary heap over parallel arrays: a thousand nodes keep thousands of actions pending and run
 * hundreds of thousands, and ordering them compares two longs in place rather than two objects.
 */
final class Agenda {

    private long[] times = new long[64];
    private long[] seqs = new long[64];
    private Runnable[] actions = new Runnable[64];
    private int size;
    private long seq;
    private long now;

    long now() {
        return now;
    }

    void at(long time, Runnable action) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            actions = Arrays.copyOf(actions, n);
        }
        siftUp(size++, Math.max(time, now), seq++, action);
    }

    /** The time of the next pending action, or {@code Long.MAX_VALUE} when nothing is pending. */
    long next() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Runs every action due at or before {@code time}, in order; {@code afterEach} runs after each. */
    void runUntil(long time, Runnable afterEach) {
        while (size > 0 && times[0] <= time) {
            now = times[0];
            Runnable action = actions[0];
            int last = --size;
            if (last > 0) {
                siftDown(0, times[last], seqs[last], actions[last]);
            }
            actions[last] = null;
            action.run();
            afterEach.run();
        }
        now = Math.max(now, time);
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int i, long time, long s, Runnable action) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, s, times[parent], seqs[parent])) {
                break;
            }
            put(i, times[parent], seqs[parent], actions[parent]);
            i = parent;
        }
        put(i, time, s, action);
    }

    private void siftDown(int i, long time, long s, Runnable action) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!before(times[child], seqs[child], time, s)) {
                break;
            }
            put(i, times[child], seqs[child], actions[child]);
            i = child;
        }
        put(i, time, s, action);
    }

    private void put(int i, long time, long s, Runnable action) {
        times[i] = time;
        seqs[i] = s;
        actions[i] = action;
    }
}
