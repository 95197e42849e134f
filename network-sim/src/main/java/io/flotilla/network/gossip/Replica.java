package io.flotilla.network.gossip;

import java.util.Arrays;

/**
 * One node's copy of one network's table: for each key, the version it holds now (the newest it has
 * accepted), whether it has forgotten it (a failed owner's entry, in {@link FailedPeerEntries#DELETE}
 * mode), and whether its view shows it.
 *
 * <p>All three are bit sets by version number into the network's {@link TableLog}: a replica holds at
 * most one version of a key, so the version of a key it holds is the one of the key's few versions
 * whose bit is set. The three sets share one array, each {@link #words} long, so that a bulk sync, which
 * finds what the other side lacks word by word, reads one small object per replica; a thousand nodes'
 * replicas of a network of five hundred entries are a few hundred bytes each.
 */
final class Replica {

    static final int NONE = -1;

    private final TableLog log;
    /** Words per set. */
    private int words;
    /** Held versions in words [0, words), shown ones in [words, 2 words), forgotten ones in [2 words, 3 words). */
    private long[] bits = new long[0];
    /** How many held versions are forgotten: almost always none, and then a bulk sync need not look. */
    private int forgotten;
    /** Keys in the order this replica first stored them. */
    private int[] order;
    private int orderSize;
    /** Its observer has been told that the view changed, and has not read it since (see {@link GossipCluster#viewsRead}). */
    boolean signalled;

    /** An empty replica, with room for as many keys as the table has now: a join is about to bring them. */
    Replica(TableLog log) {
        this.log = log;
        this.order = new int[Math.max(8, log.keys())];
    }

    /** The version of {@code key} held here, or {@link #NONE}. */
    int held(int key) {
        return log.heldVersion(key, bits, words);
    }

    boolean holds(int key) {
        return held(key) != NONE;
    }

    /**
     * Holds {@code version} of {@code key} from now on, in place of {@code before}, the version held
     * before ({@link #held}, or {@link #NONE}); the new version is not shown until {@link #show}.
     * Returns the version the view showed before, or {@link #NONE}.
     */
    int hold(int key, int version, int before) {
        int shownBefore = NONE;
        if (before == NONE) {
            if (orderSize == order.length) {
                order = Arrays.copyOf(order, orderSize * 2);
            }
            order[orderSize++] = key;
        } else {
            if (get(words, before)) {
                shownBefore = before;
            }
            clearAll(before);
        }
        set(0, version);
        return shownBefore;
    }

    /** Drops the key altogether, as if never heard of (the owner left). */
    void drop(int key) {
        int before = held(key);
        if (before == NONE) {
            return;
        }
        clearAll(before);
        for (int i = 0; i < orderSize; i++) {
            if (order[i] == key) {
                System.arraycopy(order, i + 1, order, i, orderSize - i - 1);
                orderSize--;
                break;
            }
        }
    }

    /** Whether the held {@code version} is forgotten. */
    boolean forgottenVersion(int version) {
        return forgotten > 0 && get(2 * words, version);
    }

    void forget(int key) {
        int v = held(key);
        if (v != NONE && !get(2 * words, v)) {
            set(2, v);
            forgotten++;
        }
    }

    /** The version of {@code key} the view shows, or {@link #NONE}. */
    int visible(int key) {
        int v = held(key);
        return v != NONE && get(words, v) ? v : NONE;
    }

    /** Whether the view shows the held {@code version}. */
    boolean shows(int version) {
        return get(words, version);
    }

    /** The view shows the held {@code version} from now on ({@code shown}), or no version of its key. */
    void show(int version, boolean shown) {
        if (shown) {
            set(1, version);
        } else {
            clear(words, version);
        }
    }

    /** The versions the view shows, as words of bits without trailing empty words: equal for equal views. */
    long[] shownWords() {
        int n = words;
        while (n > 0 && bits[words + n - 1] == 0) {
            n--;
        }
        return Arrays.copyOfRange(bits, words, words + n);
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

        void add(int version) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = version;
        }
    }

    /**
     * What each side of a bulk sync would send (held, not forgotten) that the other does not hold, in
     * version order: {@code a}'s into {@code toB}, {@code b}'s into {@code toA}. One pass over both.
     */
    static void missing(Replica a, Replica b, Versions toB, Versions toA) {
        toB.size = 0;
        toA.size = 0;
        long[] ab = a.bits;
        long[] bb = b.bits;
        int wa = a.words;
        int wb = b.words;
        int n = Math.max(wa, wb);
        for (int i = 0; i < n; i++) {
            long heldA = i < wa ? ab[i] : 0;
            long heldB = i < wb ? bb[i] : 0;
            if (heldA == heldB) {
                continue; // nothing either lacks (forgotten versions are held too)
            }
            long sendA = heldA & ~(a.forgotten > 0 && i < wa ? ab[2 * wa + i] : 0) & ~heldB;
            long sendB = heldB & ~(b.forgotten > 0 && i < wb ? bb[2 * wb + i] : 0) & ~heldA;
            collect(sendA, i, toB);
            collect(sendB, i, toA);
        }
    }

    private static void collect(long word, int index, Versions out) {
        while (word != 0) {
            int bit = Long.numberOfTrailingZeros(word);
            word &= word - 1;
            out.add((index << 6) + bit);
        }
    }

    /** Sets bit {@code v} of set {@code set} (0 held, 1 shown, 2 forgotten), growing the sets as needed. */
    private void set(int set, int v) {
        int w = v >>> 6;
        if (w >= words) {
            grow(Math.max(w + 1, words * 2));
        }
        bits[set * words + w] |= 1L << (v & 63);
    }

    private void clear(int offset, int v) {
        int w = v >>> 6;
        if (w < words) {
            bits[offset + w] &= ~(1L << (v & 63));
        }
    }

    private void clearAll(int v) {
        clear(0, v);
        clear(words, v);
        if (forgotten > 0 && get(2 * words, v)) {
            clear(2 * words, v);
            forgotten--;
        }
    }

    private boolean get(int offset, int v) {
        int w = v >>> 6;
        return w < words && (bits[offset + w] & (1L << (v & 63))) != 0;
    }

    private void grow(int n) {
        long[] grown = new long[3 * n];
        for (int set = 0; set < 3; set++) {
            System.arraycopy(bits, set * words, grown, set * n, words);
        }
        bits = grown;
        words = n;
    }
}
