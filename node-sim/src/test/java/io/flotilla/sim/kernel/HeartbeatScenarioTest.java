package io.flotilla.sim.kernel;

import static io.flotilla.scheduler.time.Durations.MINUTE;
import static io.flotilla.scheduler.time.Durations.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The whole kernel at work: the same seed gives the same bytes, on any thread, any number of times. */
class HeartbeatScenarioTest {

    private static final int NODES = 40;
    private static final long UNTIL = 2 * MINUTE;

    @Test
    void theSilentNodeIsMarkedDownAtTheFirstCheckPastTheGrace() {
        try (Simulation<Heartbeats.Manager.Command> sim = Heartbeats.start("detect", 11, NODES, false)) {
            sim.runUntil(UNTIL);
            EventLog log = sim.log();
            List<Heartbeats.NodeSilenced> silenced = log.eventsOf(Heartbeats.NodeSilenced.class);
            List<LoggedEvent> down = log.events().stream()
                    .filter(e -> e.event() instanceof Heartbeats.NodeDown).toList();
            assertEquals(1, silenced.size());
            assertEquals(1, down.size());
            Heartbeats.NodeDown nodeDown = (Heartbeats.NodeDown) down.get(0).event();
            assertEquals(silenced.get(0).node(), nodeDown.node());

            long last = nodeDown.lastHeartbeat().toNanos();
            long detected = down.get(0).time();
            assertTrue(last > Heartbeats.SILENCE_AT - 5 * SECOND && last < Heartbeats.SILENCE_AT, "last " + last);
            assertEquals(0, detected % (5 * SECOND), "the manager checks every 5s");
            assertTrue(detected - last > Heartbeats.GRACE && detected - last <= Heartbeats.GRACE + 5 * SECOND);
            assertEquals(NODES, log.eventsOf(Heartbeats.NodeReady.class).size());
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() {
        String first = Heartbeats.run(42, NODES, UNTIL);
        String second = Heartbeats.run(42, NODES, UNTIL);
        String otherSeed = Heartbeats.run(43, NODES, UNTIL);

        assertTrue(first.lines().count() > NODES * 20, "the log records every heartbeat");
        assertEquals(first, second);
        assertNotEquals(first, otherSeed);
    }

    @Test
    void simulationsInParallelThreadsGiveTheSameDigest() throws Exception {
        String sequential = digest(42);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> digest(42));
            Future<String> b = pool.submit(() -> digest(42));
            assertEquals(sequential, a.get());
            assertEquals(sequential, b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String digest(long seed) {
        try (Simulation<Heartbeats.Manager.Command> sim = Heartbeats.start("parallel", seed, NODES, true)) {
            sim.runUntil(UNTIL);
            return sim.log().digest();
        }
    }
}
