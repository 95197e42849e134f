package io.flotilla.network.gossip;

import java.util.SplittableRandom;

/**
 * The peers one daemon chooses among for one decision, as bits, in id order: the other peers of a
 * network it believes active (NetworkDB {@code networkNodes}: whom it gossips the network's events to
 * and bulk-syncs with), the members it gossips member news to, the live members it push/pulls with
 * or asks to probe for it. Worked out word by word from the sets its member table keeps rather than
 * member by member, as every gossip tick of every node asks. Reused from one decision to the next:
 * read it before working out another.
 */
final class Audience {

    private long[] words = new long[0];
    private int size;
    /** The positions {@link #pick} has swapped, and what each holds now. */
    private int[] swappedAt = new int[8];
    private int[] swappedId = new int[8];
    private int swaps;

    /** The peers in {@code attached} and {@code active} but {@code self}. */
    Audience of(PeerSet attached, PeerSet active, int self) {
        int n = Math.min(attached.words.length, active.words.length);
        if (words.length < n) {
            words = new long[n];
        }
        size = 0;
        for (int i = 0; i < words.length; i++) {
            long word = i < n ? attached.words[i] & active.words[i] : 0;
            if (i == self >>> 6) {
                word &= ~(1L << (self & 63));
            }
            words[i] = word;
            size += Long.bitCount(word);
        }
        return this;
    }

    /**
     * The members {@code members} believes alive but {@code self} and {@code excluded} (-1 for none):
     * memberlist's live nodes to push/pull with or to probe through.
     */
    Audience alive(MemberTable members, int self, int excluded) {
        PeerSet alive = members.alive();
        int n = alive.words.length;
        if (words.length < n) {
            words = new long[n];
        }
        for (int i = 0; i < words.length; i++) {
            words[i] = i < n ? alive.words[i] : 0;
        }
        return without(self).without(excluded).count();
    }

    /**
     * What memberlist gossips member news to: every member {@code members} believes alive or suspect,
     * and those dead or gone for at most {@code window} by {@code t} ({@code GossipToTheDeadTime}), but
     * {@code self}.
     */
    Audience gossipTargets(MemberTable members, int self, long t, long window) {
        PeerSet active = members.active();
        PeerSet known = members.known();
        int n = known.words.length;
        if (words.length < n) {
            words = new long[n];
        }
        for (int i = 0; i < words.length; i++) {
            long a = i < active.words.length ? active.words[i] : 0;
            long gone = i < n ? known.words[i] & ~a : 0;
            while (gone != 0) {
                int bit = Long.numberOfTrailingZeros(gone);
                gone &= gone - 1;
                if (t - members.since((i << 6) + bit) <= window) {
                    a |= 1L << bit;
                }
            }
            words[i] = a;
        }
        return without(self).count();
    }

    int size() {
        return size;
    }

    /** The smallest peer at or above {@code from}, or -1: to go through them in id order. */
    int next(int from) {
        return PeerSet.next(words, from);
    }

    /** The {@code i}-th peer in id order (from 0). */
    int get(int i) {
        return select(i);
    }

    private Audience without(int id) {
        if (id >= 0 && id >>> 6 < words.length) {
            words[id >>> 6] &= ~(1L << (id & 63));
        }
        return this;
    }

    private Audience count() {
        size = 0;
        for (long w : words) {
            size += Long.bitCount(w);
        }
        return this;
    }

    /**
     * Up to {@code k} distinct peers, uniformly at random (memberlist {@code kRandomNodes}): what the
     * first {@code k} steps of a Fisher-Yates shuffle of the ids in ascending order put first (step
     * {@code i} swaps position {@code i} with {@code i + nextInt(size - i)}). Only the positions the
     * steps touch are worked out.
     */
    int[] pick(int k, SplittableRandom random) {
        int n = Math.min(k, size);
        int[] out = new int[n];
        if (swappedAt.length < 2 * n) {
            swappedAt = new int[2 * n];
            swappedId = new int[2 * n];
        }
        swaps = 0;
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(size - i);
            int atI = at(i);
            int atJ = at(j);
            put(i, atJ);
            put(j, atI);
            out[i] = atJ;
        }
        return out;
    }

    /** The id at position {@code p} of the list as the picks so far have left it. */
    private int at(int p) {
        for (int s = 0; s < swaps; s++) {
            if (swappedAt[s] == p) {
                return swappedId[s];
            }
        }
        return select(p);
    }

    private void put(int p, int id) {
        for (int s = 0; s < swaps; s++) {
            if (swappedAt[s] == p) {
                swappedId[s] = id;
                return;
            }
        }
        swappedAt[swaps] = p;
        swappedId[swaps++] = id;
    }

    /** The {@code p}-th smallest id (from 0). */
    private int select(int p) {
        for (int i = 0; ; i++) {
            int c = Long.bitCount(words[i]);
            if (p < c) {
                long word = words[i];
                for (int skip = 0; skip < p; skip++) {
                    word &= word - 1;
                }
                return (i << 6) + Long.numberOfTrailingZeros(word);
            }
            p -= c;
        }
    }
}
