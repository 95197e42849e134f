package io.flotilla.scheduler.orchestrator.kubernetes;

import java.util.random.RandomGenerator;

/**
 * The alphabet of generated Kubernetes names and hashes, and the two ways upstream writes in it
 * ({@code k8s.io/apimachinery/pkg/util/rand}): random strings ({@code String}) and the encoding of
 * a hash's decimal digits ({@code SafeEncodeString}). The alphabet has no vowels, so that no word
 * forms by chance.
 */
public final class SafeAlphanumerics {

    public static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    /** Bits that index the alphabet; indices past its end are skipped. */
    private static final int INDEX_BITS = 5;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** Indices one 63-bit draw gives. */
    private static final int INDICES_PER_DRAW = 63 / INDEX_BITS;

    private SafeAlphanumerics() {}

    /**
     * Upstream {@code rand.String}: {@code n} characters of the alphabet, each from the next 5 bits
     * of 63-bit draws (12 per draw, lowest bits first), a 5-bit value past the alphabet's 27 letters
     * skipped. A draw is the top 63 bits of {@code random.nextLong()}, as Go's {@code Int63} is.
     */
    public static String randomString(int n, RandomGenerator random) {
        StringBuilder b = new StringBuilder(n);
        long bits = random.nextLong() >>> 1;
        int remaining = INDICES_PER_DRAW;
        while (b.length() < n) {
            if (remaining == 0) {
                bits = random.nextLong() >>> 1;
                remaining = INDICES_PER_DRAW;
            }
            int index = (int) (bits & INDEX_MASK);
            if (index < ALPHABET.length()) {
                b.append(ALPHABET.charAt(index));
            }
            bits >>>= INDEX_BITS;
            remaining--;
        }
        return b.toString();
    }

    /** Upstream {@code SafeEncodeString}: each character replaced by the alphabet's letter at its code modulo 27. */
    public static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.append(ALPHABET.charAt(c % ALPHABET.length())));
        return b.toString();
    }
}
