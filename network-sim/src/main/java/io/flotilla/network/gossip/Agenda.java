package io.flotilla.network.gossip;

import java.util.PriorityQueue;

/**
 * The model's own pending actions (gossip ticks, probes, deliveries, timers) in virtual time.
 * Ties at one instant run in the order they were scheduled, so a run is a function of its inputs.
 */
final class Agenda {

    private record Item(long time, long seq, Runnable action) implements Comparable<Item> {
        @Override
        public int compareTo(Item o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Item> items = new PriorityQueue<>();
    private long seq;
    private long now;

    long now() {
        return now;
    }

    void at(long time, Runnable action) {
        items.add(new Item(Math.max(time, now), seq++, action));
    }

    /** The time of the next pending action, or {@code Long.MAX_VALUE} when nothing is pending. */
    long next() {
        Item head = items.peek();
        return head == null ? Long.MAX_VALUE : head.time;
    }

    /** Runs every action due at or before {@code time}, in order; {@code afterEach} runs after each. */
    void runUntil(long time, Runnable afterEach) {
        while (!items.isEmpty() && items.peek().time <= time) {
            Item item = items.poll();
            now = item.time;
            item.action.run();
            afterEach.run();
        }
        now = Math.max(now, time);
    }
}
