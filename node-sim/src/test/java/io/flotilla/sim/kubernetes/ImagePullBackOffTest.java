package io.flotilla.sim.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kubelet's image pull back-off: {@code flowcontrol.Backoff} with 10s and 300s, as
 * {@code EnsureImageExists} uses it ({@code Next} at a failure, {@code IsInBackOffSinceUpdate}
 * before a pull), the cases of {@code client-go/util/flowcontrol/backoff_test.go}
 * ({@code TestSlowBackoff}: doubling up to the cap; {@code TestBackoffReset}; {@code
 * TestBackoffHighWaterMark}; {@code TestIsInBackOffSinceUpdate}) at the kubelet's values.
 */
class ImagePullBackOffTest {

    static final long S = 1_000_000_000L;
    static final String KEY = ImagePullBackOff.key("web-1", "nginx:1.28");

    /** Failures at {@code failures} (seconds), then whether a pull at {@code at} is held back, and the back-off then. */
    record Case(String name, List<Long> failures, long at, boolean heldBack, long backOff) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no failure, no back-off", List.of(), 0, false, 0),
                new Case("10s after a first failure", List.of(0L), 9, true, 10),
                new Case("the window is half-open: at exactly 10s the pull goes", List.of(0L), 10, false, 10),
                new Case("doubling from the last failure (TestSlowBackoff)", List.of(0L, 10L), 29, true, 20),
                new Case("20s after the second", List.of(0L, 10L), 30, false, 20),
                new Case("capped at 300s (TestBackoffHighWaterMark)", List.of(0L, 10L, 80L, 150L, 280L, 470L, 780L), 1079, true,
                        300),
                new Case("untouched for more than twice the cap, it starts over (TestBackoffReset)", List.of(0L, 10L, 30L, 631L),
                        632, true, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void holdsPullsBackAsTheKubeletDoes(Case c) {
        ImagePullBackOff backOff = new ImagePullBackOff();
        c.failures().forEach(t -> backOff.failed(KEY, t * S));
        assertEquals(c.heldBack(), backOff.inBackOff(KEY, c.at() * S));
        assertEquals(c.backOff() * S, backOff.backOff(KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachPodAndImageHasItsOwn(Case c) {
        ImagePullBackOff backOff = new ImagePullBackOff();
        c.failures().forEach(t -> backOff.failed(KEY, t * S));
        assertEquals(false, backOff.inBackOff(ImagePullBackOff.key("web-2", "nginx:1.28"), c.at() * S));
        backOff.forget("web-1");
        assertEquals(false, backOff.inBackOff(KEY, c.at() * S));
    }
}
