package io.flotilla.network.gossip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** One entry of a network table, in this peer's replica. */
    static final class Entry {
        final String key;
        int owner;
        int ownerGen;
        long lamport;
        Optional<Endpoint> value;
        /** Deleted by this peer when the owner failed (delete mode): not carried in bulk syncs. */
        boolean forgotten;
        boolean visible;
        Endpoint lastVisible;

        Entry(String key) {
            this.key = key;
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
    int gen = -1;
    int inc;
    Member[] members = new Member[0];
    final Map<String, Map<String, Entry>> tables = new LinkedHashMap<>();
    final List<Queued> memberQueue = new ArrayList<>();
    final Map<String, List<Queued>> tableQueues = new LinkedHashMap<>();

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
            members = grown;
        }
        return members[id];
    }

    /** Forgets everything: the daemon restarted, or the host crashed. */
    void reset() {
        members = new Member[0];
        tables.clear();
        memberQueue.clear();
        tableQueues.clear();
        probeOrder = new int[0];
        probeCursor = 0;
    }

    boolean hasQueued() {
        if (!memberQueue.isEmpty()) {
            return true;
        }
        for (List<Queued> q : tableQueues.values()) {
            if (!q.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
