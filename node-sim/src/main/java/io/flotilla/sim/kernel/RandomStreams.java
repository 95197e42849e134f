package io.flotilla.sim.kernel;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams derived from one seed. Each stream depends only on (seed, name), so adding a
 * stream, or drawing more from one, never shifts the others.
 *
 * <p>The stream seed is {@code mix64(seed ^ mix64(fnv1a64(utf8(name))))}: FNV-1a 64 gives a stable
 * hash of the name's UTF-8 bytes (unlike {@code hashCode}, it is 64 bits and not open to change),
 * and {@code mix64} is SplitMix64's finaliser, which spreads nearby seeds and names across the
 * whole range. Both are fixed here, so the numbers are the same on every JVM.
 */
public final class RandomStreams {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /**
     * A new generator at the start of the stream {@code name}. Every call returns a fresh generator
     * with the same numbers, so a component should take its stream once and keep it; two components
     * must use two names. Names are free text; a path such as {@code "node/n3/pull"} reads well.
     */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(streamSeed(name));
    }

    /** The seed of the stream {@code name}, for components that want their own generator type. */
    public long streamSeed(String name) {
        return mix64(seed ^ mix64(fnv1a64(name)));
    }

    static long fnv1a64(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
