package io.flotilla.network.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuspicionTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    /** memberlist suspicion_test.go TestSuspicion_remainingSuspicionTime, case for case. */
    record Remaining(int n, int k, long elapsed, long min, long max, long expected) {}

    static Stream<Remaining> remaining() {
        return Stream.of(
                new Remaining(0, 3, 0, 2 * S, 30 * S, 30 * S),
                new Remaining(1, 3, 2 * S, 2 * S, 30 * S, 14 * S),
                new Remaining(2, 3, 3 * S, 2 * S, 30 * S, 4810 * MS),
                new Remaining(3, 3, 4 * S, 2 * S, 30 * S, -2 * S),
                new Remaining(4, 3, 5 * S, 2 * S, 30 * S, -3 * S),
                new Remaining(5, 3, 10 * S, 2 * S, 30 * S, -8 * S));
    }

    @ParameterizedTest
    @MethodSource("remaining")
    void remainingSuspicionTime(Remaining c) {
        assertEquals(c.expected, Suspicion.remaining(c.n, c.k, c.elapsed, c.min, c.max));
    }

    /** memberlist util_test.go TestSuspicionTimeout (mult 3, divided by 3 again). */
    record Timeout(int n, long expected) {}

    static Stream<Timeout> timeouts() {
        return Stream.of(new Timeout(5, 1000 * MS), new Timeout(10, 1000 * MS), new Timeout(50, 1698 * MS),
                new Timeout(100, 2000 * MS), new Timeout(500, 2698 * MS), new Timeout(1000, 3000 * MS));
    }

    @ParameterizedTest
    @MethodSource("timeouts")
    void suspicionTimeout(Timeout c) {
        assertEquals(c.expected, Suspicion.minTimeout(3, c.n, S) / 3);
    }

    /** memberlist util_test.go TestRetransmitLimit, with the multiplier 3. */
    @Test
    void retransmitLimit() {
        GossipConfig three = new GossipConfig(0, 3, 3, 0, S, 3, 4, 6, 0, 0, 0, FailedPeerEntries.SUSPEND,
                Dissemination.Epidemic.INSTANCE);
        assertEquals(0, three.retransmitLimit(0));
        assertEquals(3, three.retransmitLimit(1));
        assertEquals(6, three.retransmitLimit(99));
        assertEquals(4, GossipConfig.defaults().retransmitLimit(3), "4 x ceil(log10(4))");
    }

    /** The reference's worked values with the defaults (SuspicionMult 4, max 6 x min, probe 1 s). */
    record Worked(String name, int nodes, int confirmations, long expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Worked> worked() {
        return Stream.of(
                new Worked("3 nodes: too few for confirmations, exactly min", 3, 0, 4 * S),
                new Worked("4 nodes, no confirmation: max", 4, 0, 24 * S),
                new Worked("4 nodes, one confirmation", 4, 1, 11_381 * MS),
                new Worked("4 nodes, two confirmations: min", 4, 2, 4 * S),
                new Worked("more confirmations than wanted change nothing", 9, 5, 4 * S),
                new Worked("20 nodes, no confirmation: 6 x 5.204 s", 20, 0, 6 * 5204 * MS),
                new Worked("20 nodes, two confirmations: min = 4 x log10(20) s", 20, 2, 5204 * MS));
    }

    @ParameterizedTest
    @MethodSource("worked")
    void deadlineAfterConfirmations(Worked c) {
        Suspicion s = new Suspicion(GossipConfig.defaults(), c.nodes, 0, 0);
        for (int i = 1; i <= c.confirmations; i++) {
            s.confirm(i, 0);
        }
        assertEquals(c.expected, s.deadline());
    }

    @Test
    void theSuspectorAndRepeatedConfirmationsDoNotCount() {
        Suspicion s = new Suspicion(GossipConfig.defaults(), 5, 7, 0);
        assertEquals(false, s.confirm(7, S), "the node that started the suspicion");
        assertEquals(true, s.confirm(2, S));
        assertEquals(false, s.confirm(2, 2 * S), "one confirmation per member");
        assertEquals(1, s.confirmations());
    }
}
