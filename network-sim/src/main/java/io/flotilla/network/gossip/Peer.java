package io.flotilla.network.gossip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One host's gossip daemon: its memberlist view, its NetworkDB tables and its queues. */
final class Peer {

    /** What this peer believes about one member. */
    static final class Member {
        boolean known;
        int gen;
        int inc;
        MemberState state = MemberState.ALIVE;
        long since;
        Suspicion suspicion;
        int timer;

        boolean active() {
            return known && (state == MemberState.ALIVE || state == MemberState.SUSPECT);
        }
    }

    /** A queued broadcast and how often this peer has sent it. */
    static final class Queued {
        final Message message;
        int transmits;

        Queued(Message message) {
            this.message = message;
        }
    }

    final int id;
    final String name;
    final SplittableRandom gossipRandom;
    final SplittableRandom fdRandom;
    final long gossipPhase;
    final long probePhase;
    final long antiEntropyPhase;
    final long reconnectPhase;

    boolean running;
    /** Whether its entry changes go to the sink one by one (see {@link GossipCluster#summarize}). */
    boolean detailed = true;
    int gen = -1;
    int inc;
    Member[] members = new Member[0];
    /**
     * By member: the generation whose entries this peer shows (the member is known, alive or suspect),
     * or -1. The same as {@link Member#active} and {@link Member#gen}, flat, for the loops that ask it of
     * hundreds of members at a time; {@link #memberChanged} keeps it.
     */
    int[] activeGen = new int[0];
    /** This daemon's replica of each network's table, in the order it joined them. */
    final Map<String, Replica> tables = new LinkedHashMap<>();
    final List<Queued> memberQueue = new ArrayList<>();
    final Map<String, List<Queued>> tableQueues = new LinkedHashMap<>();
    /** How many broadcasts the queues hold: asked of every peer whenever a member changes state. */
    int queued;

    int[] probeOrder = new int[0];
    int probeCursor;
    boolean probing;
    boolean gossiping;
    boolean reconnecting;
    boolean bootstrapping;
    boolean antiEntropy;

    Peer(int id, String name, SplittableRandom gossipRandom, SplittableRandom fdRandom, GossipConfig config) {
        this.id = id;
        this.name = name;
        this.gossipRandom = gossipRandom;
        this.fdRandom = fdRandom;
        this.gossipPhase = gossipRandom.nextLong(config.gossipIntervalNanos());
        this.antiEntropyPhase = gossipRandom.nextLong(config.pushPullIntervalNanos());
        this.reconnectPhase = gossipRandom.nextLong(config.reconnectIntervalNanos());
        this.probePhase = fdRandom.nextLong(config.probeIntervalNanos());
    }

    Member member(int id) {
        if (id >= members.length) {
            Member[] grown = java.util.Arrays.copyOf(members, Math.max(id + 1, members.length * 2));
            for (int i = members.length; i < grown.length; i++) {
                grown[i] = new Member();
            }
            int[] gens = java.util.Arrays.copyOf(activeGen, grown.length);
            java.util.Arrays.fill(gens, members.length, grown.length, -1);
            members = grown;
            activeGen = gens;
        }
        return members[id];
    }

    /** Call after changing whether the member is known, its generation or its state. */
    void memberChanged(int id) {
        Member v = members[id];
        activeGen[id] = v.active() ? v.gen : -1;
    }

    /** The generation of {@code id} this peer shows the entries of, or -1 (see {@link #activeGen}). */
    int activeGen(int id) {
        return id < activeGen.length ? activeGen[id] : -1;
    }

    /** Forgets everything but its tables, which {@link World#detachAll} drops: the daemon restarted, or the host crashed. */
    void reset() {
        members = new Member[0];
        activeGen = new int[0];
        memberQueue.clear();
        tableQueues.clear();
        queued = 0;
        probeOrder = new int[0];
        probeCursor = 0;
    }

    boolean hasQueued() {
        return queued > 0;
    }
}
