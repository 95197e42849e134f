package io.flotilla.network.gossip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One host's gossip daemon: its memberlist view, its NetworkDB tables and its queues. */
final class Peer {

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
    /** What its memberlist believes about each member, itself included. */
    MemberTable members = new MemberTable();
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

    /** Its member table, with room for {@code id}. */
    MemberTable member(int id) {
        members.ensure(id);
        return members;
    }

    /** Forgets everything but its tables, which {@link World#detachAll} drops: the daemon restarted, or the host crashed. */
    void reset() {
        members = new MemberTable();
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
