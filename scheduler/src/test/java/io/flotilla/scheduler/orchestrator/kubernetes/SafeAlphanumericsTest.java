package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream {@code k8s.io/apimachinery/pkg/util/rand/rand_test.go} TestString (length and alphabet),
 * and how the characters come out of the draws; {@code SafeEncodeString} on the digits a hash is
 * written in.
 */
class SafeAlphanumericsTest {

    /** A generator that returns the given longs, in order. */
    static RandomGenerator draws(long... values) {
        Deque<Long> queue = new ArrayDeque<>();
        for (long v : values) {
            queue.add(v);
        }
        return queue::removeFirst;
    }

    /** A draw whose 63 bits, lowest first, are these 5-bit indices. */
    static long indices(int... indices) {
        long bits = 0;
        for (int i = indices.length - 1; i >= 0; i--) {
            bits = (bits << 5) | indices[i];
        }
        return bits << 1; // the generator's top 63 bits are the draw
    }

    @ParameterizedTest(name = "String({0})")
    @ValueSource(ints = {0, 1, 2, 10, 123})
    void stringHasTheLengthAndOnlyTheAlphabet(int length) {
        String s = SafeAlphanumerics.randomString(length, new SplittableRandom(length));
        assertEquals(length, s.length());
        assertTrue(s.chars().allMatch(c -> SafeAlphanumerics.ALPHABET.indexOf(c) >= 0), s);
    }

    record DrawCase(String name, RandomGenerator random, int length, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<DrawCase> drawCases() {
        return Stream.of(
                new DrawCase("5 bits a character, lowest first", draws(indices(0, 26, 1, 5, 2)), 5, "b9chd"),
                new DrawCase("27 to 31 are past the alphabet and skipped", draws(indices(27, 0, 31, 26, 30, 1, 2, 3)), 5,
                        "b9cdf"),
                new DrawCase("12 characters a draw, then the next draw", draws(-1L, indices(4, 3)), 2, "gf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drawCases")
    void charactersComeFromTheDraws(DrawCase c) {
        assertEquals(c.expected(), SafeAlphanumerics.randomString(c.length(), c.random()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void safeEncodeString(List<String> c) {
        assertEquals(c.get(1), SafeAlphanumerics.encode(c.get(0)));
    }

    static Stream<List<String>> encodings() {
        return Stream.of(List.of("0123456789", "456789bcdf"), List.of("2166136261", "65bb57b6b5"), List.of("", ""));
    }
}
