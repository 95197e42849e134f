package io.flotilla.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The queue gives items out in exactly the order a priority queue over (time, order added) does. */
class TimeQueueTest {

    record Entry(long time, long order, int item) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(order, o.order);
        }
    }

    /**
     * Times are a random number below {@code distinctTimes}, times {@code unit} nanoseconds; from
     * the last time taken if {@code fromLastTaken}, as a clock's timers are, else from zero.
     */
    record Case(String name, long seed, int operations, int distinctTimes, long unit, boolean fromLastTaken,
            boolean dropSome) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("few distinct times: ties broken by the order added", 1, 5_000, 4, 1, false, false),
                new Case("spread times", 2, 5_000, 1_000_000, 1, false, false),
                new Case("items dropped now and then, as cancelled timers are", 3, 20_000, 50, 1, false, true),
                new Case("a long run that grows and shrinks", 4, 200_000, 10_000, 1, false, true),
                new Case("times a minute apart: the current bucket, the wheel and past it", 5, 50_000, 60_000, 1_000_000,
                        false, true),
                new Case("few distinct times a bucket or more apart", 6, 20_000, 8, 1L << 21, false, false),
                new Case("a clock's timers, up to 40 s ahead of the last taken", 7, 200_000, 40_000, 1_000_000, true,
                        true),
                new Case("a clock's timers, some a wheel ahead", 8, 100_000, 4, 10_000_000_000L, true, false),
                new Case("a clock's timers, ties a bucket apart", 9, 100_000, 16, 1L << 21, true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void itemsComeOutInTimeThenAddedOrder(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        TimeQueue<Integer> queue = new TimeQueue<>();
        PriorityQueue<Entry> expected = new PriorityQueue<>();
        List<Integer> got = new ArrayList<>();
        List<Integer> want = new ArrayList<>();
        long order = 0;
        long lastTaken = 0;
        for (int i = 0; i < c.operations(); i++) {
            int op = random.nextInt(10);
            if (random.nextInt(200) == 0) {
                queue.clear();
                expected.clear();
            } else if (op < 6) {
                long time = random.nextInt(500) == 0
                        ? Long.MAX_VALUE // a saturated timer: never due
                        : (c.fromLastTaken() ? lastTaken : 0) + random.nextInt(c.distinctTimes()) * c.unit();
                assertEquals(order, queue.add(time, i));
                expected.add(new Entry(time, order++, i));
            } else if (op < 9 && !queue.isEmpty()) {
                assertEquals(expected.peek().time(), queue.peekTime());
                assertEquals(expected.peek().order(), queue.peekOrder());
                assertEquals(expected.peek().item(), queue.peek());
                lastTaken = expected.peek().time();
                got.add(queue.poll());
                want.add(expected.poll().item());
            } else if (c.dropSome()) {
                int modulus = 2 + random.nextInt(5);
                queue.removeIf(item -> item % modulus == 0);
                expected.removeIf(e -> e.item() % modulus == 0);
            }
            assertEquals(expected.size(), queue.size());
        }
        while (!queue.isEmpty()) {
            got.add(queue.poll());
            want.add(expected.poll().item());
        }
        assertEquals(want, got);
    }

    /**
     * After a lull in which only items an hour ahead wait, items added for the next seconds come
     * out first, and the hour's after them, as a clock arms heartbeats before a scenario's far step.
     */
    @Test
    void itemsAddedAfterALullComeOutBeforeTheFarOnes() {
        TimeQueue<String> queue = new TimeQueue<>();
        long hour = 3_600_000_000_000L;
        queue.add(hour, "far");
        queue.add(hour, "far, added later");
        assertEquals(hour, queue.peekTime()); // a look at the far item alone
        List<String> got = new ArrayList<>();
        for (int second = 5; second > 0; second--) {
            queue.add(second * 1_000_000_000L, "at " + second + " s");
        }
        queue.add(2 * hour, "two hours");
        while (!queue.isEmpty()) {
            got.add(queue.poll());
            if (got.size() == 6) { // taking the far one moves the clock there: later adds go after it
                queue.add(hour + 1, "just after the hour");
                queue.add(hour, "at the hour, added last");
            }
        }
        assertEquals(List.of("at 1 s", "at 2 s", "at 3 s", "at 4 s", "at 5 s", "far", "far, added later",
                "at the hour, added last", "just after the hour", "two hours"), got);
    }

    /** {@code anyDue} answers as a scan of every item due by the limit would. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anyDueSeesExactlyTheItemsDueByTheLimit(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        TimeQueue<Integer> queue = new TimeQueue<>();
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long time = random.nextInt(c.distinctTimes()) * c.unit();
            queue.add(time, i);
            all.add(new Entry(time, i, i));
        }
        for (int i = 0; i < 500; i++) { // moves the queue's current bucket on, as a clock's taking does
            all.remove(all.stream().min(Entry::compareTo).orElseThrow());
            queue.poll();
        }
        for (int i = 2_000; i < 2_100; i++) { // some of them before the current bucket
            long time = random.nextInt(c.distinctTimes()) * c.unit();
            queue.add(time, i);
            all.add(new Entry(time, i, i));
        }
        for (int probe = 0; probe < 200; probe++) {
            long limit = random.nextInt(c.distinctTimes()) * c.unit();
            int modulus = 1 + random.nextInt(300);
            boolean expected = all.stream().anyMatch(e -> e.time() <= limit && e.item() % modulus == 0);
            assertEquals(expected, queue.anyDue(limit, item -> item % modulus == 0), "limit " + limit + ", modulus " + modulus);
        }
    }
}
