package io.flotilla.network.gossip;

import io.flotilla.network.gossip.GossipEvent.EntryChanged;
import io.flotilla.network.gossip.GossipEvent.Op;
import io.flotilla.network.gossip.Message.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NetworkDB's per-network tables in each daemon: writes by the owner, merging by Lamport time,
 * tombstones, bulk syncs, and what a member's failure, departure or return does to the entries it
 * owns (hidden and restored, or forgotten, per {@link FailedPeerEntries}). Reports every change to
 * a node's view to the sink.
 *
 * <p>Every write is a version in the network's {@link TableLog}; each node's {@link Replica} holds
 * version numbers, so a write's value exists once however many nodes hold it, and a bulk sync
 * compares two replicas word by word instead of entry by entry.
 */
final class NetworkDb {

    private final World w;
    private final Transport transport;
    /** What each side of the exchange under way lacks (exchanges never nest: accepting rebroadcasts nothing). */
    private final Replica.Versions toA = new Replica.Versions();
    private final Replica.Versions toB = new Replica.Versions();

    NetworkDb(World w, Transport transport) {
        this.w = w;
        this.transport = transport;
    }

    void write(Peer o, String network, String key, Optional<Endpoint> value, long time) {
        TableLog log = w.log(network);
        int k = log.key(key);
        int v = log.append(k, o.id, o.gen, ++w.lamport, value);
        Replica rep = o.tables.get(network);
        int shownBefore = rep.hold(k, v, rep.held(k));
        refresh(o, log, rep, k, v, shownBefore, time);
        transport.broadcast(o, new Table(network, k, v), true);
    }

    void onTable(Peer r, Table m, boolean rebroadcast) {
        Replica rep = r.tables.get(m.network());
        if (rep != null && accept(r, w.log(m.network()), rep, m.version()) && rebroadcast) {
            transport.broadcast(r, m, false);
        }
    }

    /** Takes one version from another node into its replica; whether it was news. */
    private boolean accept(Peer r, TableLog log, Replica rep, int v) {
        int owner = log.owner(v);
        if (owner == r.id) {
            return false;
        }
        int ownerGen = log.ownerGen(v);
        // the common case: the owner is known, alive or suspect, at this generation
        boolean ownerShown = w.undisturbed || r.members.activeGen(owner) == ownerGen;
        if (!ownerShown) {
            MemberTable om = r.member(owner);
            if (om.known(owner) && ownerGen < om.gen(owner)) {
                return false;
            }
            if (w.config.failedPeerEntries() == FailedPeerEntries.DELETE && om.known(owner) && om.gen(owner) == ownerGen
                    && !om.active(owner)) {
                return false; // the failed node is no longer on the network's peer list: its events are rejected
            }
        }
        int k = log.keyOf(v);
        int before = rep.held(k);
        if (before >= v) {
            return false; // a version as new or newer (a later Lamport time) is here already
        }
        int shownBefore = rep.hold(k, v, before);
        // a version just taken is not forgotten: only the owner's visibility and a tombstone can hide it
        show(r, log, rep, k, v, shownBefore, ownerShown && log.value(v).isPresent(), w.agenda.now());
        return true;
    }

    void bulkSync(Peer a, Peer b, String network, long time) {
        if (!b.running || !w.reach(a.id, b.id)) {
            return;
        }
        int ga = a.gen;
        int gb = b.gen;
        w.agenda.at(time + w.topology.latencyNanos(a.id, b.id), () -> {
            if (a.running && b.running && a.gen == ga && b.gen == gb && w.attached(a, network) && w.attached(b, network)) {
                exchange(a, b, network);
            }
        });
    }

    /**
     * Bulk syncs with each of {@code peers}, in id order, each a path latency from now; the syncs due at
     * one instant share one action on the agenda, in the same order as one action each would run.
     * A join syncs with hundreds of peers: they are read as ids and generations, not as daemons.
     */
    void bulkSync(Peer a, Audience peers, String network, long time) {
        // the groups by arrival time, in the order their first peer comes (consecutive peers mostly share one)
        List<SyncGroup> groups = new ArrayList<>(1);
        SyncGroup last = null;
        for (int b = peers.next(0); b >= 0; b = peers.next(b + 1)) {
            int gen = w.runningGen(b);
            if (gen >= 0 && w.reach(a.id, b)) {
                long arrival = time + w.topology.latencyNanos(a.id, b);
                if (last == null || arrival != last.arrival) {
                    last = null;
                    for (SyncGroup g : groups) {
                        if (g.arrival == arrival) {
                            last = g;
                            break;
                        }
                    }
                    if (last == null) {
                        last = new SyncGroup(arrival, groups.isEmpty() ? peers.size() : 8);
                        groups.add(last);
                    }
                }
                last.add(b, gen);
            }
        }
        int ga = a.gen;
        for (SyncGroup group : groups) {
            w.agenda.at(group.arrival, () -> {
                PeerSet attached = w.attachedTo(network);
                if (!a.running || a.gen != ga || !attached.contains(a.id)) {
                    return;
                }
                TableLog log = w.log(network);
                Replica[] replicas = w.replicasOf(network);
                for (int i = 0; i < group.size; i++) {
                    int b = group.peers[i];
                    if (w.runningGen(b) == group.gens[i] && attached.contains(b)) {
                        exchange(a, w.peers[b], log, replicas[a.id], replicas[b]);
                    }
                }
            });
        }
    }

    /** The peers of one join's bulk syncs that arrive at one instant, with the generations they ran then. */
    private static final class SyncGroup {
        final long arrival;
        int[] peers;
        int[] gens;
        int size;

        SyncGroup(long arrival, int capacity) {
            this.arrival = arrival;
            this.peers = new int[capacity];
            this.gens = new int[capacity];
        }

        void add(int peer, int gen) {
            if (size == peers.length) {
                peers = java.util.Arrays.copyOf(peers, size * 2 + 1);
                gens = java.util.Arrays.copyOf(gens, size * 2 + 1);
            }
            peers[size] = peer;
            gens[size++] = gen;
        }
    }

    /**
     * Both sides send their whole table (what they hold and have not forgotten); newer Lamport times
     * win; nothing is re-gossiped. Only what the other side does not hold can change anything there.
     */
    void exchange(Peer a, Peer b, String network) {
        exchange(a, b, w.log(network), a.tables.get(network), b.tables.get(network));
    }

    private void exchange(Peer a, Peer b, TableLog log, Replica ra, Replica rb) {
        Replica.missing(ra, rb, toB, toA);
        acceptAll(b, log, rb, toB);
        acceptAll(a, log, ra, toA);
    }

    private void acceptAll(Peer r, TableLog log, Replica rep, Replica.Versions versions) {
        for (int i = 0; i < versions.size; i++) {
            accept(r, log, rep, versions.items[i]);
        }
    }

    /** The owner was declared failed: its entries leave the view (hidden, or forgotten in delete mode). */
    void ownerFailed(Peer r, int owner, long t) {
        boolean forget = w.config.failedPeerEntries() == FailedPeerEntries.DELETE;
        for (Map.Entry<String, Replica> table : r.tables.entrySet()) {
            TableLog log = w.log(table.getKey());
            Replica rep = table.getValue();
            for (int k : log.keysOf(owner)) {
                int v = rep.held(k);
                if (v != Replica.NONE && log.owner(v) == owner) {
                    if (forget && log.value(v).isPresent()) {
                        rep.forget(k);
                    }
                    refresh(r, log, rep, k, t);
                }
            }
        }
    }

    /** The owner left, or a new generation replaced it: its entries are deleted for good. */
    void ownerLeft(Peer r, int owner, long t) {
        for (Map.Entry<String, Replica> table : r.tables.entrySet()) {
            TableLog log = w.log(table.getKey());
            Replica rep = table.getValue();
            for (int k : List.copyOf(log.keysOf(owner))) {
                int v = rep.held(k);
                if (v != Replica.NONE && log.owner(v) == owner) {
                    int shown = rep.visible(k);
                    if (shown != Replica.NONE) {
                        emit(t, r, log, rep, k, shown, Op.REMOVED);
                    }
                    rep.drop(k);
                }
            }
        }
    }

    /** The owner is active again: whatever of it was hidden is visible again. */
    void ownerActive(Peer r, int owner, long t) {
        for (Map.Entry<String, Replica> table : r.tables.entrySet()) {
            TableLog log = w.log(table.getKey());
            Replica rep = table.getValue();
            for (int k : log.keysOf(owner)) {
                int v = rep.held(k);
                if (v != Replica.NONE && log.owner(v) == owner) {
                    refresh(r, log, rep, k, t);
                }
            }
        }
    }

    /** Whether {@code r}'s view shows {@code v}, the version of its key it holds ({@link Replica#NONE}: none). */
    boolean visible(Peer r, TableLog log, Replica rep, int v) {
        if (v == Replica.NONE || log.value(v).isEmpty() || rep.forgottenVersion(v)) {
            return false;
        }
        int owner = log.owner(v);
        if (owner == r.id) {
            return log.ownerGen(v) == r.gen;
        }
        return r.members.activeGen(owner) == log.ownerGen(v);
    }

    void refresh(Peer r, TableLog log, Replica rep, int k, long t) {
        int v = rep.held(k);
        refresh(r, log, rep, k, v, v != Replica.NONE && rep.shows(v) ? v : Replica.NONE, t);
    }

    /**
     * Shows or hides {@code v}, the version of {@code k} the replica holds, as {@link #visible} says,
     * and reports the change from {@code shown}, the version the view showed before ({@link Replica#NONE}:
     * none).
     */
    private void refresh(Peer r, TableLog log, Replica rep, int k, int v, int shown, long t) {
        show(r, log, rep, k, v, shown, visible(r, log, rep, v), t);
    }

    /** Shows {@code v} or not, as {@code now} says, and reports the change from {@code shown}. */
    private void show(Peer r, TableLog log, Replica rep, int k, int v, int shown, boolean now, long t) {
        if (shown != Replica.NONE && !now) {
            rep.show(v, false);
            emit(t, r, log, rep, k, shown, Op.REMOVED);
        } else if (shown == Replica.NONE && now) {
            rep.show(v, true);
            emit(t, r, log, rep, k, v, Op.ADDED);
        } else if (now && shown != v) {
            rep.show(v, true);
            if (!log.value(v).equals(log.value(shown))) {
                emit(t, r, log, rep, k, v, Op.UPDATED);
            }
        }
    }

    /**
     * Tells the sink that {@code r}'s view of key {@code k} changed; {@code version} is the value shown
     * after (before, when removed). For an observer that is not {@link Peer#detailed}, only that its
     * view of the network changed, once until the reader says it has read the views
     * ({@link GossipCluster#viewsRead}): a bulk sync brings hundreds of entries, and a node learns each
     * entry once per network, so telling it every time would be millions of calls that say nothing new.
     */
    void emit(long t, Peer r, TableLog log, Replica rep, int k, int version, Op op) {
        if (r.detailed) {
            w.sink.accept(new EntryChanged(t, r.name, log.network, log.keyName(k), w.peers[log.owner(version)].name, op,
                    log.value(version).orElseThrow()));
        } else if (!rep.signalled) {
            rep.signalled = true;
            w.signalled.add(rep);
            w.viewChanged.accept(r.name, log.network);
        }
    }
}
