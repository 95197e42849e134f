package io.flotilla.sim.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kubelet's restart back-off ({@code flowcontrol.Backoff} used as {@code doBackOff} uses it):
 * the first exit restarts at once, then 10s, doubling, capped at 5 minutes; a container that ran
 * longer than 10 minutes since its last restart starts over.
 */
class CrashLoopBackOffTest {

    static final long S = 1_000_000_000L;

    @Test
    void aContainerThatKeepsCrashingWaitsTenSecondsDoublingUpToFiveMinutes() {
        CrashLoopBackOff backOff = new CrashLoopBackOff();
        List<Long> delays = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 9; i++) {
            long delay = backOff.restartDelay("web.1#1", t);
            delays.add(delay / S);
            t += delay + 1 * S; // it runs for a second, then exits again
        }
        assertEquals(List.of(0L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L), delays);
    }

    @Test
    void tenMinutesAfterItsLastRestartAContainerStartsOver() {
        CrashLoopBackOff backOff = new CrashLoopBackOff();
        assertEquals(0, backOff.restartDelay("c", 0));
        assertEquals(10 * S, backOff.restartDelay("c", 5 * S));
        // restarted at 15s; 600s later exactly is still within twice the maximum, a nanosecond more is not
        assertEquals(20 * S, backOff.restartDelay("c", 615 * S));
        assertEquals(0, backOff.restartDelay("c", 635 * S + 600 * S + 1));
    }

    @Test
    void eachContainerHasItsOwnBackOff() {
        CrashLoopBackOff backOff = new CrashLoopBackOff();
        backOff.restartDelay("a", 0);
        assertEquals(10 * S, backOff.restartDelay("a", S));
        assertEquals(0, backOff.restartDelay("b", S));
    }
}
