package io.flotilla.network.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams. The model draws every random choice from a stream named after what it
 * decides and where ({@code gossip.worker-1}, {@code fd.worker-1}, {@code dns.shuffle.worker-1},
 * {@code kubeproxy.worker-1}), so a run depends only on the seed, and drawing more from one stream
 * never shifts another. The simulation passes its own streams in; {@link #seeded} is a stand-alone
 * derivation for tests and benchmarks.
 */
@FunctionalInterface
public interface Randomness {

    /** A generator at the start of the stream {@code name}; callers take it once and keep it. */
    SplittableRandom stream(String name);

    /** Streams derived from one seed and the name's FNV-1a hash, mixed by SplitMix64's finaliser. */
    static Randomness seeded(long seed) {
        return name -> {
            long hash = 0xcbf29ce484222325L;
            for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
                hash ^= b & 0xff;
                hash *= 0x100000001b3L;
            }
            return new SplittableRandom(mix64(seed ^ mix64(hash)));
        };
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
