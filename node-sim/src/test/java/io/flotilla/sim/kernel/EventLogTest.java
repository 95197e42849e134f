package io.flotilla.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventLogTest {


    record Other(int n) implements Event {
        @Override
        public String type() {
            return "test.other";
        }
    }

    private final long[] clock = {0};
    private final EventLog log = new EventLog(() -> clock[0]);

    private void at(long time, Event event) {
        clock[0] = time;
        log.append(event);
    }

    private static List<String> labels(List<LoggedEvent> events) {
        return events.stream().map(e -> e.event() instanceof Marked m ? m.label() : "other").toList();
    }

    @Test
    void stampsTimeAndSequence() {
        at(5, new Marked("a"));
        at(5, new Other(1));
        at(9, new Marked("b"));
        assertEquals(List.of(new LoggedEvent(5, 0, new Marked("a")), new LoggedEvent(5, 1, new Other(1)),
                new LoggedEvent(9, 2, new Marked("b"))), log.events());
        assertEquals(List.of(new Marked("a"), new Marked("b")), log.eventsOf(Marked.class));
    }

    /** The arrays the log keeps grow past their first size; every event reads back by its index as stamped. */
    @Test
    void readsEveryEventBackByItsIndexAfterGrowing() {
        for (int i = 0; i < 3000; i++) {
            at(i / 2, new Other(i));
        }
        assertEquals(3000, log.size());
        for (int i : new int[] {0, 1023, 1024, 2047, 2999}) {
            assertEquals(new LoggedEvent(i / 2, i, new Other(i)), log.events().get(i));
            assertEquals(i / 2, log.time(i));
            assertEquals(new Other(i), log.event(i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> log.event(3000));
        assertEquals(List.of(new LoggedEvent(1499, 2998, new Other(2998)), new LoggedEvent(1499, 2999, new Other(2999))),
                log.since(1499));
    }

    @Test
    void slicesByTimeWithBothEndsIncluded() {
        at(1, new Marked("a"));
        at(5, new Marked("b"));
        at(5, new Marked("c"));
        at(9, new Marked("d"));
        assertEquals(List.of("b", "c", "d"), labels(log.since(5)));
        assertEquals(List.of("a", "b", "c"), labels(log.until(5)));
        assertEquals(List.of("b", "c"), labels(log.between(2, 8)));
        assertEquals(List.of(), labels(log.between(6, 8)));
        assertEquals(List.of(), labels(log.since(10)));
    }

    @Test
    void refusesAClockGoingBackwards() {
        at(5, new Marked("a"));
        assertThrows(IllegalStateException.class, () -> at(4, new Marked("b")));
    }

    @Test
    void refusesAppendsFromAnotherThread() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                log.append(new Marked("x"));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        other.start();
        other.join();
        assertInstanceOf(IllegalStateException.class, failure.get());
        assertEquals(0, log.size());
    }

    @Test
    void writesJsonLinesAndDigestsExactlyThoseBytes() throws Exception {
        at(0, new Marked("a"));
        at(1_500_000_000L, new Other(7));
        at(1_500_000_000L, new Marked("same instant"));
        StringWriter out = new StringWriter();
        log.writeJsonLines(out);
        String expected = "{\"seq\":0,\"time\":\"0s\",\"type\":\"test.marked\",\"label\":\"a\"}\n"
                + "{\"seq\":1,\"time\":\"1.5s\",\"type\":\"test.other\",\"n\":7}\n"
                + "{\"seq\":2,\"time\":\"1.5s\",\"type\":\"test.marked\",\"label\":\"same instant\"}\n";
        assertEquals(expected, out.toString());
        assertEquals(expected, log.toJsonLines());
        String sha = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha, log.digest());
    }
}
