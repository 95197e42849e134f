package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream {@code client-go/util/workqueue/default_rate_limiters_test.go}
 * TestItemExponentialFailureRateLimiter (base 1 ms, max 1 s: 1, 2, 4, 8, 16 ms, then the cap after
 * enough failures), and the controllers' own 5 ms and 1000 s.
 */
class WorkQueueBackoffTest {

    static final long MS = 1_000_000L;

    record Case(String name, int failures, long base, long max, long expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("first failure: the base", 1, MS, 1000 * MS, MS),
                new Case("second: doubled", 2, MS, 1000 * MS, 2 * MS),
                new Case("fifth: 16 ms", 5, MS, 1000 * MS, 16 * MS),
                new Case("eleventh: capped at 1 s", 11, MS, 1000 * MS, 1000 * MS),
                new Case("a thousand failures do not overflow", 1000, MS, 1000 * MS, 1000 * MS),
                new Case("controllers: 5 ms first", 1, WorkQueueBackoff.BASE_NANOS, WorkQueueBackoff.MAX_NANOS, 5 * MS),
                new Case("controllers: 15th is 81.92 s", 15, WorkQueueBackoff.BASE_NANOS, WorkQueueBackoff.MAX_NANOS,
                        81_920 * MS),
                new Case("controllers: 19th reaches 1000 s", 19, WorkQueueBackoff.BASE_NANOS, WorkQueueBackoff.MAX_NANOS,
                        1_000_000 * MS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void doublesUpToTheCap(Case c) {
        assertEquals(c.expected(), WorkQueueBackoff.delayNanos(c.failures(), c.base(), c.max()));
    }
}
