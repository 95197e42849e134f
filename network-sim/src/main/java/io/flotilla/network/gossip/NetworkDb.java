package io.flotilla.network.gossip;

import io.flotilla.network.gossip.GossipEvent.EntryChanged;
import io.flotilla.network.gossip.GossipEvent.Op;
import io.flotilla.network.gossip.Message.Table;
import io.flotilla.network.gossip.Peer.Entry;
import io.flotilla.network.gossip.Peer.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NetworkDB's per-network tables in each daemon: writes by the owner, merging by Lamport time,
 * tombstones, bulk syncs, and what a member's failure, departure or return does to the entries it
 * owns (hidden and restored, or forgotten, per {@link FailedPeerEntries}). Reports every change to
 * a node's view to the sink.
 */
final class NetworkDb {

    private final World w;
    private final Transport transport;

    NetworkDb(World w, Transport transport) {
        this.w = w;
        this.transport = transport;
    }

    void write(Peer o, String network, String key, Optional<Endpoint> value, long time) {
        Map<String, Entry> table = o.tables.get(network);
        Entry e = table.computeIfAbsent(key, Entry::new);
        e.owner = o.id;
        e.ownerGen = o.gen;
        e.lamport = ++w.lamport;
        e.value = value;
        e.forgotten = false;
        refresh(o, network, e, time);
        transport.broadcast(o, new Table(network, key, o.id, o.gen, e.lamport, value), true);
    }

    void onTable(Peer r, Table m, boolean rebroadcast) {
        Map<String, Entry> table = r.tables.get(m.network());
        if (table == null || m.owner() == r.id) {
            return;
        }
        Member owner = r.member(m.owner());
        if (owner.known && m.ownerGen() < owner.gen) {
            return;
        }
        if (w.config.failedPeerEntries() == FailedPeerEntries.DELETE && owner.known && owner.gen == m.ownerGen()
                && !owner.active()) {
            return; // the failed node is no longer on the network's peer list: its events are rejected
        }
        Entry e = table.get(m.key());
        if (e != null && e.lamport >= m.lamport()) {
            return;
        }
        if (e == null) {
            e = new Entry(m.key());
            table.put(m.key(), e);
        }
        e.owner = m.owner();
        e.ownerGen = m.ownerGen();
        e.lamport = m.lamport();
        e.value = m.value();
        e.forgotten = false;
        refresh(r, m.network(), e, w.agenda.now());
        if (rebroadcast) {
            transport.broadcast(r, m, false);
        }
    }

    void bulkSync(Peer a, Peer b, String network, long time) {
        if (!b.running || !w.topology.canReach(a.id, b.id)) {
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

    /** Both sides send their whole table; newer Lamport times win; nothing is re-gossiped. */
    void exchange(Peer a, Peer b, String network) {
        List<Table> ofA = tableOf(a, network);
        List<Table> ofB = tableOf(b, network);
        ofA.forEach(m -> onTable(b, m, false));
        ofB.forEach(m -> onTable(a, m, false));
    }

    static List<Table> tableOf(Peer p, String network) {
        List<Table> out = new ArrayList<>();
        for (Entry e : p.tables.get(network).values()) {
            if (!e.forgotten) {
                out.add(new Table(network, e.key, e.owner, e.ownerGen, e.lamport, e.value));
            }
        }
        return out;
    }

    /** The owner was declared failed: its entries leave the view (hidden, or forgotten in delete mode). */
    void ownerFailed(Peer r, int owner, long t) {
        boolean forget = w.config.failedPeerEntries() == FailedPeerEntries.DELETE;
        forEachOwned(r, owner, (network, e) -> {
            if (forget && e.value.isPresent()) {
                e.forgotten = true;
            }
            refresh(r, network, e, t);
        });
    }

    /** The owner left, or a new generation replaced it: its entries are deleted for good. */
    void ownerLeft(Peer r, int owner, long t) {
        for (Map.Entry<String, Map<String, Entry>> table : r.tables.entrySet()) {
            table.getValue().values().removeIf(e -> {
                if (e.owner != owner) {
                    return false;
                }
                if (e.visible) {
                    emit(t, r, table.getKey(), e, Op.REMOVED, e.lastVisible);
                }
                return true;
            });
        }
    }

    /** The owner is active again: whatever of it was hidden is visible again. */
    void ownerActive(Peer r, int owner, long t) {
        forEachOwned(r, owner, (network, e) -> refresh(r, network, e, t));
    }

    void forEachOwned(Peer r, int owner, java.util.function.BiConsumer<String, Entry> action) {
        for (Map.Entry<String, Map<String, Entry>> table : r.tables.entrySet()) {
            for (Entry e : table.getValue().values()) {
                if (e.owner == owner) {
                    action.accept(table.getKey(), e);
                }
            }
        }
    }

    boolean visible(Peer r, Entry e) {
        if (e.value.isEmpty() || e.forgotten) {
            return false;
        }
        if (e.owner == r.id) {
            return e.ownerGen == r.gen;
        }
        Member m = r.member(e.owner);
        return m.active() && m.gen == e.ownerGen;
    }

    void refresh(Peer r, String network, Entry e, long t) {
        boolean now = visible(r, e);
        if (e.visible && !now) {
            e.visible = false;
            emit(t, r, network, e, Op.REMOVED, e.lastVisible);
        } else if (!e.visible && now) {
            e.visible = true;
            e.lastVisible = e.value.orElseThrow();
            emit(t, r, network, e, Op.ADDED, e.lastVisible);
        } else if (now && !e.value.orElseThrow().equals(e.lastVisible)) {
            e.lastVisible = e.value.orElseThrow();
            emit(t, r, network, e, Op.UPDATED, e.lastVisible);
        }
    }

    void emit(long t, Peer r, String network, Entry e, Op op, Endpoint value) {
        w.sink.accept(new EntryChanged(t, r.name, network, e.key, w.peers[e.owner].name, op, value));
    }
}
