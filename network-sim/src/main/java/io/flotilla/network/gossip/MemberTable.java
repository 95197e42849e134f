package io.flotilla.network.gossip;

import java.util.Arrays;

/**
 * What one daemon's memberlist believes about each member, by member id: whether it knows the member,
 * its daemon generation and incarnation, its state and since when, its suspicion timer. One array per
 * field rather than an object per member: a thousand daemons each believing something about a thousand
 * members are a few arrays each, not a million objects for the collector to copy, and the loops that
 * look at every member read them in order.
 *
 * <p>The table is {@link #size} members long and grows only through {@link #ensure}; members it has
 * never heard of are unknown (and {@link MemberState#ALIVE}, which means nothing while unknown).
 */
final class MemberTable {

    private int size;
    private boolean[] known = new boolean[0];
    private int[] gen = new int[0];
    private int[] inc = new int[0];
    private MemberState[] state = new MemberState[0];
    private long[] since = new long[0];
    private Suspicion[] suspicion = new Suspicion[0];
    /** Bumped whenever the member's state changes: a suspicion timer set before is void. */
    private int[] timer = new int[0];
    /** The generation whose entries are shown (known, alive or suspect), or -1: derived, see {@link #activeGen}. */
    private int[] activeGen = new int[0];
    /** The members with an {@link #activeGen}, those known, those known and alive: derived too. */
    private final PeerSet active = new PeerSet();
    private final PeerSet knownSet = new PeerSet();
    private final PeerSet alive = new PeerSet();
    /** How many known members are suspect. */
    private int suspects;

    /** How many members the table has room for; ids from 0 below it can be asked about. */
    int size() {
        return size;
    }

    /**
     * Makes room for {@code id}: the table grows as an array of members would, at least doubling (its
     * size bounds the loops over members, so it is part of what the model does); the arrays behind it
     * may be larger already ({@link #knowAllAlive}).
     */
    void ensure(int id) {
        if (id < size) {
            return;
        }
        int n = Math.max(id + 1, size * 2);
        if (n > known.length) {
            reserve(n);
        }
        size = n;
    }

    /** Arrays with room for {@code capacity} members, those beyond the table unknown. */
    private void reserve(int capacity) {
        int old = known.length;
        known = Arrays.copyOf(known, capacity);
        gen = Arrays.copyOf(gen, capacity);
        inc = Arrays.copyOf(inc, capacity);
        state = Arrays.copyOf(state, capacity);
        Arrays.fill(state, old, capacity, MemberState.ALIVE);
        since = Arrays.copyOf(since, capacity);
        suspicion = Arrays.copyOf(suspicion, capacity);
        timer = Arrays.copyOf(timer, capacity);
        activeGen = Arrays.copyOf(activeGen, capacity);
        Arrays.fill(activeGen, old, capacity, -1);
    }

    boolean known(int m) {
        return known[m];
    }

    int gen(int m) {
        return gen[m];
    }

    int inc(int m) {
        return inc[m];
    }

    MemberState state(int m) {
        return state[m];
    }

    long since(int m) {
        return since[m];
    }

    Suspicion suspicion(int m) {
        return suspicion[m];
    }

    int timer(int m) {
        return timer[m];
    }

    /** Known, and alive or suspect: its entries are shown. */
    boolean active(int m) {
        return known[m] && (state[m] == MemberState.ALIVE || state[m] == MemberState.SUSPECT);
    }

    /** Known and in {@code s}. */
    boolean is(int m, MemberState s) {
        return known[m] && state[m] == s;
    }

    /**
     * The generation of {@code m} whose entries this daemon shows ({@code m} is known, alive or
     * suspect), or -1; -1 too for an id beyond the table. One flat read, for the loops that ask it of
     * hundreds of members.
     */
    int activeGen(int m) {
        return m < size ? activeGen[m] : -1;
    }

    /** The member is known from now on, as generation {@code g} at incarnation {@code i}. */
    void know(int m, int g, int i) {
        if (!known[m] && state[m] == MemberState.SUSPECT) {
            suspects++;
        }
        known[m] = true;
        gen[m] = g;
        inc[m] = i;
        changed(m);
    }

    /** The member is known from now on, alive since {@code t}, as generation {@code g} (its incarnation unchanged). */
    void knowAlive(int m, int g, long t) {
        ensure(m);
        if (known[m] && state[m] == MemberState.SUSPECT) {
            suspects--;
        }
        known[m] = true;
        gen[m] = g;
        state[m] = MemberState.ALIVE;
        since[m] = t;
        changed(m);
    }

    /**
     * {@link #knowAlive} for each of {@code ids} with the generation {@code gens} gives at the same index:
     * a thousand daemons starting together each learn of a thousand, in one plain loop.
     */
    void knowAllAlive(int[] ids, int[] gens, long t) {
        int n = size;
        for (int id : ids) {
            n = id < n ? n : Math.max(id + 1, n * 2);
        }
        if (n > known.length) {
            reserve(n); // once, rather than at every doubling on the way
        }
        size = n;
        for (int i = 0; i < ids.length; i++) {
            int m = ids[i];
            if (known[m] && state[m] == MemberState.SUSPECT) {
                suspects--;
            }
            known[m] = true;
            gen[m] = gens[i];
            state[m] = MemberState.ALIVE;
            since[m] = t;
            activeGen[m] = gens[i]; // known and alive: active
            active.add(m);
            knownSet.add(m);
            alive.add(m);
        }
    }

    void setInc(int m, int i) {
        inc[m] = i;
    }

    void setState(int m, MemberState s, long t) {
        if (known[m]) {
            suspects += (s == MemberState.SUSPECT ? 1 : 0) - (state[m] == MemberState.SUSPECT ? 1 : 0);
        }
        state[m] = s;
        since[m] = t;
        changed(m);
    }

    /**
     * Whether a push/pull between the two daemons would change neither: each believes exactly what the
     * other does (the same members known, at the same generations, incarnations and states) and neither
     * suspects anyone (merging a suspicion confirms it again).
     */
    boolean settledWith(MemberTable o) {
        if (suspects > 0 || o.suspects > 0) {
            return false;
        }
        int n = Math.max(size, o.size);
        for (int m = 0; m < n; m++) {
            boolean here = m < size && known[m];
            if (here != (m < o.size && o.known[m])) {
                return false;
            }
            if (here && (gen[m] != o.gen[m] || inc[m] != o.inc[m] || state[m] != o.state[m])) {
                return false;
            }
        }
        return true;
    }

    void setSuspicion(int m, Suspicion s) {
        suspicion[m] = s;
    }

    /** Voids the member's pending suspicion timer; returns the new token. */
    int bumpTimer(int m) {
        return ++timer[m];
    }

    /** The members it believes known and alive or suspect, as bits; do not change it. */
    PeerSet active() {
        return active;
    }

    /** The members it knows, as bits; do not change it. */
    PeerSet known() {
        return knownSet;
    }

    /** The members it believes known and alive, as bits; do not change it. */
    PeerSet alive() {
        return alive;
    }

    private void changed(int m) {
        if (active(m)) {
            activeGen[m] = gen[m];
            active.add(m);
        } else {
            activeGen[m] = -1;
            active.remove(m);
        }
        if (known[m]) {
            knownSet.add(m);
        }
        if (is(m, MemberState.ALIVE)) {
            alive.add(m);
        } else {
            alive.remove(m);
        }
    }
}
