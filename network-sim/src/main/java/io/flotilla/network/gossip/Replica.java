package io.flotilla.network.gossip;

import java.util.Arrays;

/**
 * One node's copy of one network's table: for each key, the version it holds now (the newest it has
 * accepted), whether it has forgotten it (a failed owner's entry, in {@link FailedPeerEntries#DELETE}
 * mode), and the version its view shows, if any. The versions held are also kept as a bit set, so
 * that a bulk sync finds what the other side lacks word by word.
 */
final class Replica {

    static final int NONE = -1;

    /** By key: the version held, or {@link #NONE}. */
    private int[] held = new int[0];
    /** By key: the version the view shows, or {@link #NONE}. */
    private int[] visible = new int[0];
    /** By version: held here. */
    private long[] heldBits = new long[0];
    /** By version: held, but forgotten (not shown, not passed on). */
    private long[] forgottenBits = new long[0];
    /** Keys in the order this replica first stored them. */
    private int[] order = new int[8];
    private int orderSize;
    /** Its observer has been told that the view changed, and has not read it since (see {@link GossipCluster#viewsRead}). */
    boolean signalled;

    int held(int key) {
        return key < held.length ? held[key] : NONE;
    }

    boolean holds(int key) {
        return held(key) != NONE;
    }

    /** Holds {@code version} of {@code key} from now on, in place of the version held before. */
    void hold(int key, int version) {
        ensureKey(key);
        int before = held[key];
        if (before == NONE) {
            if (orderSize == order.length) {
                order = Arrays.copyOf(order, orderSize * 2);
            }
            order[orderSize++] = key;
        } else {
            clear(heldBits, before);
            clear(forgottenBits, before);
        }
        held[key] = version;
        heldBits = set(heldBits, version);
    }

    /** Drops the key altogether, as if never heard of (the owner left). */
    void drop(int key) {
        int before = held(key);
        if (before == NONE) {
            return;
        }
        clear(heldBits, before);
        clear(forgottenBits, before);
        held[key] = NONE;
        visible[key] = NONE;
        for (int i = 0; i < orderSize; i++) {
            if (order[i] == key) {
                System.arraycopy(order, i + 1, order, i, orderSize - i - 1);
                orderSize--;
                break;
            }
        }
    }

    boolean forgotten(int key) {
        int v = held(key);
        return v != NONE && get(forgottenBits, v);
    }

    void forget(int key) {
        int v = held(key);
        if (v != NONE) {
            forgottenBits = set(forgottenBits, v);
        }
    }

    int visible(int key) {
        return key < visible.length ? visible[key] : NONE;
    }

    void setVisible(int key, int version) {
        ensureKey(key);
        visible[key] = version;
    }

    int orderSize() {
        return orderSize;
    }

    int orderAt(int i) {
        return order[i];
    }

    /** A reusable list of version numbers. */
    static final class Versions {
        int[] items = new int[64];
        int size;
    }

    /**
     * The versions this replica would send in a bulk sync (held, not forgotten) that {@code other}
     * does not hold, in version order, into {@code out}.
     */
    void missingFrom(Replica other, Versions out) {
        out.size = 0;
        int words = heldBits.length;
        for (int i = 0; i < words; i++) {
            long mine = heldBits[i] & ~(i < forgottenBits.length ? forgottenBits[i] : 0);
            long theirs = i < other.heldBits.length ? other.heldBits[i] : 0;
            long missing = mine & ~theirs;
            while (missing != 0) {
                int bit = Long.numberOfTrailingZeros(missing);
                missing &= missing - 1;
                if (out.size == out.items.length) {
                    out.items = Arrays.copyOf(out.items, out.size * 2);
                }
                out.items[out.size++] = (i << 6) + bit;
            }
        }
    }

    private void ensureKey(int key) {
        if (key >= held.length) {
            int n = Math.max(key + 1, held.length * 2);
            int old = held.length;
            held = Arrays.copyOf(held, n);
            visible = Arrays.copyOf(visible, n);
            Arrays.fill(held, old, n, NONE);
            Arrays.fill(visible, old, n, NONE);
        }
    }

    private static long[] set(long[] bits, int v) {
        int w = v >>> 6;
        long[] out = w < bits.length ? bits : Arrays.copyOf(bits, Math.max(w + 1, bits.length * 2));
        out[w] |= 1L << (v & 63);
        return out;
    }

    private static void clear(long[] bits, int v) {
        int w = v >>> 6;
        if (w < bits.length) {
            bits[w] &= ~(1L << (v & 63));
        }
    }

    private static boolean get(long[] bits, int v) {
        int w = v >>> 6;
        return w < bits.length && (bits[w] & (1L << (v & 63))) != 0;
    }
}
