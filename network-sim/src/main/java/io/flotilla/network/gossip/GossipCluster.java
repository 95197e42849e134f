package io.flotilla.network.gossip;

import io.flotilla.network.gossip.GossipEvent.Op;
import io.flotilla.network.gossip.Message.Alive;
import io.flotilla.network.gossip.Message.Dead;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The swarm's gossip control plane, every node's copy of it: memberlist's failure detector and
 * NetworkDB's per-network tables of endpoints, as a pure state machine in virtual time.
 *
 * <p>The caller feeds it what happens ({@link #publish}, {@link #withdraw}, {@link #hostCrashed},
 * {@link #hostRestarted}, {@link #topologyChanged}, ...) at non-decreasing times, asks when its next
 * action is due ({@link #nextEventTime}) and lets it run to a time ({@link #advanceTo}). Everything a
 * node comes to believe is reported to the sink as a {@link GossipEvent} stamped with the virtual
 * time it happened: an endpoint entering or leaving that node's view, a member changing state in
 * that node's memberlist. {@link #view} says what a node's view holds now.
 *
 * <p>What it models, with the upstream behaviour it follows:
 * <ul>
 *   <li>dissemination ({@link Dissemination}): each node gossips its queued broadcasts every 200 ms
 *       to 3 random peers (table events only to the network's peers), at most
 *       {@code 4 * ceil(log10(n + 1))} times; a receiver queues what is new to it;
 *   <li>failure detection: a node probes one member per second, round robin over a shuffled list;
 *       a member that does not answer directly, nor through 3 random live members that reach it
 *       (memberlist's indirect probes), is suspected at the end of the probe interval; the suspicion
 *       spreads, others' failed probes confirm it, and its timer ({@link Suspicion}) declares it dead;
 *       a member that hears it is suspected refutes with a higher incarnation. So a pairwise cut that
 *       a third node bridges is never detected;
 *   <li>a failed member's entries are hidden (or deleted, {@link FailedPeerEntries}) on each node
 *       when that node declares it dead; restored there when it is alive again;
 *   <li>rejoin: a node retries one random failed peer every second (NetworkDB {@code reconnectNode}),
 *       exchanging full state (memberlist push/pull), which makes each side refute what the other
 *       believed of it; every 30 s each node push/pulls with one random live member and bulk-syncs each
 *       of its networks with a random peer; a node that knows nobody alive tries to join again every 60 s;
 *   <li>a restarted daemon is a new generation of the host (a new name at a familiar address,
 *       moby#53688): whoever learns of the new generation drops the old one's entries at once;
 *   <li>a node takes part in a network's table only while attached to it (has an endpoint on it, or
 *       a client); joining bulk-syncs with the network's peers, so its view fills at join.
 * </ul>
 *
 * <p>Not modelled: Lifeguard's awareness (slower probing when the prober itself is unhealthy), packet
 * size limits on a gossip message, tombstone reaping (30 min) and node reaping (24 h).
 */
public final class GossipCluster {

    private final World w;
    private final Transport transport;
    private final Memberlist members;
    private final NetworkDb db;

    public GossipCluster(GossipConfig config, Topology topology, Randomness randomness, Consumer<GossipEvent> sink) {
        this.w = new World(config, topology, randomness, sink);
        this.transport = new Transport(w);
        this.members = new Memberlist(w, transport);
        this.db = new NetworkDb(w, transport);
        transport.members = members;
        transport.db = db;
        members.db = db;
        w.afterAction = this::settle;
    }

    /**
     * From now on, only the observers {@code detailed} accepts have their entry changes reported one by
     * one to the sink; for every other observer, {@code viewChanged} hears (observer, network) that
     * something in its view of the network changed, and {@link #visit} reads it. A thousand nodes
     * learning five hundred entries each is half a million events nobody needs one by one. Each view
     * is told once, until the reader calls {@link #viewsRead}. Call it before anything happens.
     */
    public void summarize(Predicate<String> detailed, BiConsumer<String, String> viewChanged) {
        w.detailed = detailed;
        w.viewChanged = viewChanged;
        for (Peer p : w.peers) {
            if (p != null) {
                p.detailed = detailed.test(p.name);
            }
        }
    }

    /**
     * The reader of {@link #summarize}d views has read all those that changed: the next change of each
     * is told again. Until then, a view already told of is not told again.
     */
    public void viewsRead() {
        for (Replica rep : w.signalled) {
            rep.signalled = false;
        }
        w.signalled.clear();
    }

    /** The hosts that form the cluster at {@code time}: each knows all the others alive. */
    public void start(long time, List<String> hosts) {
        advanceTo(time);
        List<Peer> started = new ArrayList<>();
        for (String h : hosts) {
            Peer p = w.peer(h);
            if (p.gen >= 0) {
                w.undisturbed = false; // started before: not every daemon is at its first generation
            }
            w.run(p, true, 0);
            started.add(p);
        }
        int[] ids = new int[started.size()];
        int[] gens = new int[started.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = started.get(i).id;
            gens[i] = started.get(i).gen;
        }
        for (Peer o : started) {
            o.members.knowAllAlive(ids, gens, time);
            members.startAntiEntropy(o, time);
        }
        settle();
    }

    /** A host joins the running cluster (a node added later): it joins through the first host it reaches. */
    public void hostJoined(long time, String host) {
        advanceTo(time);
        boot(w.peer(host), time);
        settle();
    }

    /** The host stops dead: no probes answered, nothing gossiped, its own view gone. */
    public void hostCrashed(long time, String host) {
        advanceTo(time);
        Peer p = w.peer(host);
        if (p.running) {
            stop(p, time);
        }
        settle();
    }

    /** The host's daemon comes back: a new generation with an empty view, joining as a new member. */
    public void hostRestarted(long time, String host) {
        advanceTo(time);
        Peer p = w.peer(host);
        if (p.running) {
            stop(p, time);
        }
        boot(p, time);
        members.resumeReconnects(time);
        settle();
    }

    /** The host leaves on purpose ({@code docker swarm leave}): whoever hears it deletes its entries at once. */
    public void hostLeft(long time, String host) {
        advanceTo(time);
        Peer p = w.peer(host);
        if (p.running) {
            Dead left = new Dead(p.id, p.gen, p.inc, p.id);
            for (Peer r : w.peers) {
                if (r != null && r != p) {
                    transport.send(p, r, left, time);
                }
            }
            stop(p, time);
        }
        settle();
    }

    /** The caller changed the {@link Topology} at {@code time}: probes start failing (or succeeding). */
    public void topologyChanged(long time) {
        advanceTo(time);
        members.resumeReconnects(time);
        w.membershipChanged = true;
        settle();
    }

    /** The host attaches to a network (its first endpoint or client there) and bulk-syncs with the network's peers. */
    public void joinNetwork(long time, String host, String network) {
        advanceTo(time);
        Peer o = w.peer(host);
        if (o.running && !o.tables.containsKey(network)) {
            w.attach(o, network);
            db.bulkSync(o, w.audience.of(w.attachedTo(network), o.members.active(), o.id), network, time);
        }
        settle();
    }

    /** The host leaves a network: its own entries there are withdrawn and its view of the network dropped. */
    public void leaveNetwork(long time, String host, String network) {
        advanceTo(time);
        Peer o = w.peer(host);
        Replica rep = o.tables.get(network);
        if (o.running && rep != null) {
            TableLog log = w.log(network);
            for (int i = 0; i < rep.orderSize(); i++) {
                int k = rep.orderAt(i);
                int v = rep.held(k);
                if (log.owner(v) == o.id && log.ownerGen(v) == o.gen && log.value(v).isPresent()) {
                    db.write(o, network, log.keyName(k), Optional.empty(), time);
                }
            }
            removeView(o, network, rep, time);
            w.detach(o, network);
        }
        settle();
    }

    /**
     * The owner adds or changes an endpoint. The key identifies the task instance (its task id): unique
     * within a network, and the same on every network the task is on, so that the routers see one
     * backend. It is in the owner's own view at once (libnetwork adds local endpoints directly) and
     * reaches the others by gossip. A host that is down publishes nothing.
     */
    public void publish(long time, String owner, String key, Endpoint value) {
        advanceTo(time);
        Peer o = w.peer(owner);
        if (o.running) {
            if (!o.tables.containsKey(value.network())) {
                joinNetwork(time, owner, value.network());
            }
            db.write(o, value.network(), key, Optional.of(value), time);
        }
        settle();
    }

    /** The owner deletes an endpoint (its container is gone): a tombstone spreads like any change. */
    public void withdraw(long time, String owner, String network, String key) {
        advanceTo(time);
        Peer o = w.peer(owner);
        Replica rep = o.tables.get(network);
        if (o.running && rep != null) {
            TableLog log = w.log(network);
            int k = log.key(key);
            if (rep.holds(k) && log.value(rep.held(k)).isPresent()) {
                db.write(o, network, key, Optional.empty(), time);
            }
        }
        settle();
    }

    /** When the next internal action is due; empty when nothing is pending. */
    public OptionalLong nextEventTime() {
        long next = w.agenda.next();
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /** Runs every internal action due at or before {@code time}. Inputs at a time run after the actions due then. */
    public void advanceTo(long time) {
        if (time < w.agenda.now()) {
            throw new IllegalArgumentException("time runs forward: " + time + " < " + w.agenda.now());
        }
        w.agenda.runUntil(time, w.afterAction);
    }

    public long now() {
        return w.agenda.now();
    }

    /** What {@code observer}'s memberlist thinks of {@code member}; empty if it does not know it (or is down). */
    public Optional<MemberState> memberState(String observer, String member) {
        Peer o = w.find(observer);
        Peer m = w.find(member);
        if (o == null || m == null || !o.running) {
            return Optional.empty();
        }
        MemberTable v = o.member(m.id);
        return v.known(m.id) ? Optional.of(v.state(m.id)) : Optional.empty();
    }

    /** The entries {@code observer} sees on {@code network} now, in the order it first stored them. */
    public List<ViewEntry> view(String observer, String network) {
        Peer o = w.find(observer);
        List<ViewEntry> out = new ArrayList<>();
        if (o != null && o.running && o.tables.containsKey(network)) {
            Replica rep = o.tables.get(network);
            TableLog log = w.log(network);
            for (int i = 0; i < rep.orderSize(); i++) {
                int k = rep.orderAt(i);
                int shown = rep.visible(k);
                if (shown != Replica.NONE) {
                    out.add(new ViewEntry(log.keyName(k), w.peers[log.owner(shown)].name, log.value(shown).orElseThrow()));
                }
            }
        }
        return out;
    }

    /**
     * Hands {@code visitor} each endpoint {@code observer} sees on {@code network} now, with its key, in
     * the order it first stored them, without building a list: for readers that go over many views.
     */
    public void visit(String observer, String network, BiConsumer<String, Endpoint> visitor) {
        Peer o = w.find(observer);
        Replica rep = o == null || !o.running ? null : o.tables.get(network);
        if (rep == null) {
            return;
        }
        TableLog log = w.log(network);
        for (int i = 0; i < rep.orderSize(); i++) {
            int k = rep.orderAt(i);
            int shown = rep.visible(k);
            if (shown != Replica.NONE) {
                visitor.accept(log.keyName(k), log.value(shown).orElseThrow());
            }
        }
    }

    /**
     * What {@code observer}'s view of {@code network} shows, as a value equal to another view's exactly
     * when both show the same entries (each as the same write), perhaps in another order: readers that
     * work something out of a view can do it once for all the nodes that see the same. Empty when the
     * observer has no view of the network.
     */
    public Optional<ViewContent> viewContent(String observer, String network) {
        Peer o = w.find(observer);
        Replica rep = o == null || !o.running ? null : o.tables.get(network);
        return rep == null ? Optional.empty() : Optional.of(new ViewContent(network, rep.shownWords()));
    }

    /** Whether {@code host} is attached to {@code network} (takes part in its table). */
    public boolean isAttached(String host, String network) {
        Peer o = w.find(host);
        return o != null && w.attached(o, network);
    }

    public GossipConfig config() {
        return w.config;
    }

    private void boot(Peer p, long time) {
        w.unsettled.add(p.id);
        w.undisturbed = false;
        w.run(p, true, p.gen + 1);
        p.inc = 0;
        w.detachAll(p);
        p.reset();
        p.members.knowAlive(p.id, p.gen, time);
        members.startAntiEntropy(p, time);
        transport.broadcast(p, new Alive(p.id, p.gen, p.inc), true);
        members.bootstrap(p, time);
    }

    private void stop(Peer p, long time) {
        for (Map.Entry<String, Replica> t : p.tables.entrySet()) {
            removeView(p, t.getKey(), t.getValue(), time);
        }
        w.run(p, false, p.gen);
        w.unsettled.add(p.id);
        w.undisturbed = false;
        w.detachAll(p);
        p.reset();
        p.probing = false;
        p.gossiping = false;
        p.reconnecting = false;
        p.bootstrapping = false;
        p.antiEntropy = false;
        w.membershipChanged = true;
    }

    /** Everything {@code p} shows of the network leaves its view. */
    private void removeView(Peer p, String network, Replica rep, long time) {
        TableLog log = w.log(network);
        for (int i = 0; i < rep.orderSize(); i++) {
            int k = rep.orderAt(i);
            int shown = rep.visible(k);
            if (shown != Replica.NONE) {
                db.emit(time, p, log, rep, k, shown, Op.REMOVED);
            }
        }
    }

    private void settle() {
        if (w.membershipChanged) {
            w.membershipChanged = false;
            long t = w.agenda.now();
            members.wakeProbers(t);
            for (Peer p : w.peers) {
                if (p != null) {
                    transport.wakeGossip(p, t);
                }
            }
        }
    }

    /** One entry of a node's view. */
    public record ViewEntry(String key, String owner, Endpoint endpoint) {}

    /** The entries a view shows, by the writes they are (see {@link #viewContent}), in no order. */
    public static final class ViewContent {
        private final String network;
        private final long[] shown;
        private final int hash;

        private ViewContent(String network, long[] shown) {
            this.network = network;
            this.shown = shown;
            this.hash = 31 * network.hashCode() + java.util.Arrays.hashCode(shown);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ViewContent v && hash == v.hash && network.equals(v.network)
                    && java.util.Arrays.equals(shown, v.shown);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
