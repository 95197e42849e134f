package io.flotilla.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(SplittableRandom random, int count) {
        return LongStream.generate(random::nextLong).limit(count).toArray();
    }

    @Test
    void sameSeedAndNameGiveTheSameNumbers() {
        assertArrayEquals(
                draw(new RandomStreams(42).stream("node/n1"), 100),
                draw(new RandomStreams(42).stream("node/n1"), 100));
    }

    @Test
    void differentNamesAndSeedsGiveDifferentStreams() {
        long[] n1 = draw(new RandomStreams(42).stream("node/n1"), 100);
        assertFalse(java.util.Arrays.equals(n1, draw(new RandomStreams(42).stream("node/n2"), 100)));
        assertFalse(java.util.Arrays.equals(n1, draw(new RandomStreams(43).stream("node/n1"), 100)));
    }

    @Test
    void addingOrDrawingAnotherStreamDoesNotShiftThisOne() {
        RandomStreams streams = new RandomStreams(7);
        long[] alone = draw(streams.stream("network/latency"), 20);
        draw(streams.stream("placement"), 1_000);
        assertArrayEquals(alone, draw(streams.stream("network/latency"), 20));
    }

    @Test
    void derivationIsPinnedSoItIsTheSameOnEveryJvm() {
        // FNV-1a 64 of "a" is a published test vector; the rest pins the documented mix.
        assertEquals(0xaf63dc4c8601ec8cL, RandomStreams.fnv1a64("a"));
        assertEquals(0xcbf29ce484222325L, RandomStreams.fnv1a64(""));
        long expectedSeed = RandomStreams.mix64(42 ^ RandomStreams.mix64(RandomStreams.fnv1a64("node/n1")));
        assertEquals(expectedSeed, new RandomStreams(42).streamSeed("node/n1"));
        assertEquals(new SplittableRandom(expectedSeed).nextLong(), new RandomStreams(42).stream("node/n1").nextLong());
        assertEquals(GOLDEN_FIRST_LONG, new RandomStreams(42).stream("node/n1").nextLong());
    }

    @Test
    void nearbySeedsAreSpreadApart() {
        assertNotEquals(new RandomStreams(0).streamSeed("x"), new RandomStreams(1).streamSeed("x"));
        assertNotEquals(0, RandomStreams.mix64(1) >>> 32, "high bits are mixed too");
    }

    /** The first number of stream "node/n1" under seed 42; a change here shifts every saved run. */
    private static final long GOLDEN_FIRST_LONG = 0x4cb8a2d6f1dd7aeeL;
}
