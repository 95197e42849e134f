package io.flotilla.network.gossip;

import java.util.Arrays;

/**
 * A set of peer ids, as bits: who is attached to a network, whom a daemon believes active. Sets of the
 * same cluster meet word by word ({@link Audience}).
 */
final class PeerSet {

    long[] words = new long[0];

    void add(int id) {
        int w = id >>> 6;
        if (w >= words.length) {
            words = Arrays.copyOf(words, Math.max(w + 1, words.length * 2));
        }
        words[w] |= 1L << (id & 63);
    }

    void remove(int id) {
        int w = id >>> 6;
        if (w < words.length) {
            words[w] &= ~(1L << (id & 63));
        }
    }

    boolean contains(int id) {
        int w = id >>> 6;
        return w < words.length && (words[w] & (1L << (id & 63))) != 0;
    }

    int size() {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** The smallest id in the set at or above {@code from}, or -1. */
    int next(int from) {
        return next(words, from);
    }

    /** The smallest set bit of {@code words} at or above {@code from}, or -1. */
    static int next(long[] words, int from) {
        int w = from >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long word = words[w] & (-1L << (from & 63));
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }
}
