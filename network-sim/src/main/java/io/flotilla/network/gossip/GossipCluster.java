package io.flotilla.network.gossip;

import io.flotilla.network.gossip.GossipEvent.EntryChanged;
import io.flotilla.network.gossip.GossipEvent.MemberChanged;
import io.flotilla.network.gossip.GossipEvent.Op;
import io.flotilla.network.gossip.Message.Alive;
import io.flotilla.network.gossip.Message.Dead;
import io.flotilla.network.gossip.Message.Suspect;
import io.flotilla.network.gossip.Message.Table;
import io.flotilla.network.gossip.Peer.Entry;
import io.flotilla.network.gossip.Peer.Member;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

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

    private final GossipConfig config;
    private final Topology topology;
    private final Randomness randomness;
    private final Consumer<GossipEvent> sink;
    private final Agenda agenda = new Agenda();
    private Peer[] peers = new Peer[0];
    private long lamport;
    private boolean membershipChanged;
    /** Set while merging a push/pull or bulk sync: what is learnt that way is news to spread in fixed-delay mode too. */
    private boolean merging;

    public GossipCluster(GossipConfig config, Topology topology, Randomness randomness, Consumer<GossipEvent> sink) {
        this.config = config;
        this.topology = topology;
        this.randomness = randomness;
        this.sink = sink;
    }

    // =============================================================================================
    // inputs

    /** The hosts that form the cluster at {@code time}: each knows all the others alive. */
    public void start(long time, List<String> hosts) {
        advanceTo(time);
        List<Peer> started = new ArrayList<>();
        for (String h : hosts) {
            Peer p = peer(h);
            p.running = true;
            p.gen = 0;
            started.add(p);
        }
        for (Peer o : started) {
            for (Peer m : started) {
                Member v = o.member(m.id);
                v.known = true;
                v.gen = m.gen;
                v.state = MemberState.ALIVE;
                v.since = time;
            }
            startAntiEntropy(o, time);
        }
        settle();
    }

    /** A host joins the running cluster (a node added later): it joins through the first host it reaches. */
    public void hostJoined(long time, String host) {
        advanceTo(time);
        boot(peer(host), time);
        settle();
    }

    /** The host stops dead: no probes answered, nothing gossiped, its own view gone. */
    public void hostCrashed(long time, String host) {
        advanceTo(time);
        Peer p = peer(host);
        if (p.running) {
            stop(p, time);
        }
        settle();
    }

    /** The host's daemon comes back: a new generation with an empty view, joining as a new member. */
    public void hostRestarted(long time, String host) {
        advanceTo(time);
        Peer p = peer(host);
        if (p.running) {
            stop(p, time);
        }
        boot(p, time);
        settle();
    }

    /** The host leaves on purpose ({@code docker swarm leave}): whoever hears it deletes its entries at once. */
    public void hostLeft(long time, String host) {
        advanceTo(time);
        Peer p = peer(host);
        if (p.running) {
            Dead left = new Dead(p.id, p.gen, p.inc, p.id);
            for (Peer r : peers) {
                if (r != null && r != p) {
                    send(p, r, left, time);
                }
            }
            stop(p, time);
        }
        settle();
    }

    /** The caller changed the {@link Topology} at {@code time}: probes start failing (or succeeding). */
    public void topologyChanged(long time) {
        advanceTo(time);
        membershipChanged = true;
        settle();
    }

    /** The host attaches to a network (its first endpoint or client there) and bulk-syncs with the network's peers. */
    public void joinNetwork(long time, String host, String network) {
        advanceTo(time);
        Peer o = peer(host);
        if (o.running && !o.tables.containsKey(network)) {
            o.tables.put(network, new LinkedHashMap<>());
            for (Peer p : peers) {
                if (p != null && p != o && attached(p, network) && o.member(p.id).active()) {
                    bulkSync(o, p, network, time);
                }
            }
        }
        settle();
    }

    /** The host leaves a network: its own entries there are withdrawn and its view of the network dropped. */
    public void leaveNetwork(long time, String host, String network) {
        advanceTo(time);
        Peer o = peer(host);
        Map<String, Entry> table = o.tables.get(network);
        if (o.running && table != null) {
            for (Entry e : new ArrayList<>(table.values())) {
                if (e.owner == o.id && e.ownerGen == o.gen && e.value.isPresent()) {
                    write(o, network, e.key, Optional.empty(), time);
                }
            }
            for (Entry e : table.values()) {
                if (e.visible) {
                    emit(time, o, network, e, Op.REMOVED, e.lastVisible);
                }
            }
            o.tables.remove(network);
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
        Peer o = peer(owner);
        if (o.running) {
            if (!o.tables.containsKey(value.network())) {
                joinNetwork(time, owner, value.network());
            }
            write(o, value.network(), key, Optional.of(value), time);
        }
        settle();
    }

    /** The owner deletes an endpoint (its container is gone): a tombstone spreads like any change. */
    public void withdraw(long time, String owner, String network, String key) {
        advanceTo(time);
        Peer o = peer(owner);
        Map<String, Entry> table = o.tables.get(network);
        if (o.running && table != null && table.containsKey(key) && table.get(key).value.isPresent()) {
            write(o, network, key, Optional.empty(), time);
        }
        settle();
    }

    // =============================================================================================
    // clock

    /** When the next internal action is due; empty when nothing is pending. */
    public OptionalLong nextEventTime() {
        long next = agenda.next();
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /** Runs every internal action due at or before {@code time}. Inputs at a time run after the actions due then. */
    public void advanceTo(long time) {
        if (time < agenda.now()) {
            throw new IllegalArgumentException("time runs forward: " + time + " < " + agenda.now());
        }
        agenda.runUntil(time, this::settle);
    }

    public long now() {
        return agenda.now();
    }

    // =============================================================================================
    // questions

    /** What {@code observer}'s memberlist thinks of {@code member}; empty if it does not know it (or is down). */
    public Optional<MemberState> memberState(String observer, String member) {
        Peer o = find(observer);
        Peer m = find(member);
        if (o == null || m == null || !o.running) {
            return Optional.empty();
        }
        Member v = o.member(m.id);
        return v.known ? Optional.of(v.state) : Optional.empty();
    }

    /** The entries {@code observer} sees on {@code network} now, in the order it first stored them. */
    public List<ViewEntry> view(String observer, String network) {
        Peer o = find(observer);
        List<ViewEntry> out = new ArrayList<>();
        if (o != null && o.running && o.tables.containsKey(network)) {
            for (Entry e : o.tables.get(network).values()) {
                if (e.visible) {
                    out.add(new ViewEntry(e.key, peers[e.owner].name, e.lastVisible));
                }
            }
        }
        return out;
    }

    /** Whether {@code host} is attached to {@code network} (takes part in its table). */
    public boolean isAttached(String host, String network) {
        Peer o = find(host);
        return o != null && attached(o, network);
    }

    public GossipConfig config() {
        return config;
    }

    // =============================================================================================
    // lifecycle of a daemon

    private void boot(Peer p, long time) {
        p.running = true;
        p.gen++;
        p.inc = 0;
        p.reset();
        Member self = p.member(p.id);
        self.known = true;
        self.gen = p.gen;
        self.state = MemberState.ALIVE;
        self.since = time;
        startAntiEntropy(p, time);
        broadcast(p, new Alive(p.id, p.gen, p.inc), true);
        bootstrap(p, time);
    }

    private void stop(Peer p, long time) {
        for (Map.Entry<String, Map<String, Entry>> t : p.tables.entrySet()) {
            for (Entry e : t.getValue().values()) {
                if (e.visible) {
                    emit(time, p, t.getKey(), e, Op.REMOVED, e.lastVisible);
                }
            }
        }
        p.running = false;
        p.reset();
        p.probing = false;
        p.gossiping = false;
        p.reconnecting = false;
        p.bootstrapping = false;
        p.antiEntropy = false;
        membershipChanged = true;
    }

    /** memberlist {@code Join} through the first running host it reaches; else NetworkDB retries every 60 s. */
    private void bootstrap(Peer p, long time) {
        for (Peer other : peers) {
            if (other != null && other != p && other.running && topology.canReach(p.id, other.id)) {
                pushPull(p, other, time, false);
                return;
            }
        }
        if (!p.bootstrapping) {
            p.bootstrapping = true;
            int gen = p.gen;
            agenda.at(time + config.rejoinIntervalNanos(), () -> bootstrapTick(p, gen));
        }
    }

    private void bootstrapTick(Peer p, int gen) {
        if (!p.running || p.gen != gen) {
            return;
        }
        p.bootstrapping = false;
        for (Member v : p.members) {
            if (v != p.members[p.id] && v.known && v.state == MemberState.ALIVE) {
                return;
            }
        }
        bootstrap(p, agenda.now());
    }

    // =============================================================================================
    // failure detection (memberlist)

    private void wakeProbers(long time) {
        for (Peer o : peers) {
            if (o != null && o.running && !o.probing && disturbed(o)) {
                o.probing = true;
                int gen = o.gen;
                agenda.at(nextTick(o.probePhase, config.probeIntervalNanos(), time), () -> probeTick(o, gen));
            }
        }
    }

    /** Whether some member this node believes alive would fail a direct probe: only then is probing worth simulating. */
    private boolean disturbed(Peer o) {
        for (int m = 0; m < o.members.length; m++) {
            Member v = o.members[m];
            if (m != o.id && v.active() && !(answers(m, v.gen) && topology.canReach(o.id, m))) {
                return true;
            }
        }
        return false;
    }

    private void probeTick(Peer o, int gen) {
        if (!o.running || o.gen != gen) {
            return;
        }
        long t = agenda.now();
        int target = nextProbeTarget(o);
        if (target < 0) {
            o.probing = false;
            return;
        }
        if (!probeSucceeds(o, target)) {
            int targetGen = o.member(target).gen;
            agenda.at(t + config.probeIntervalNanos(), () -> probeFailed(o, gen, target, targetGen));
        }
        if (disturbed(o)) {
            agenda.at(t + config.probeIntervalNanos(), () -> probeTick(o, gen));
        } else {
            o.probing = false;
        }
    }

    /** Round robin over a list shuffled at every wrap (memberlist {@code probe}, {@code resetNodes}); dead members are skipped. */
    private int nextProbeTarget(Peer o) {
        for (int checked = 0; checked <= 2 * o.members.length + 1; checked++) {
            if (o.probeCursor >= o.probeOrder.length) {
                List<Integer> known = new ArrayList<>();
                for (int m = 0; m < o.members.length; m++) {
                    if (m != o.id && o.members[m].known) {
                        known.add(m);
                    }
                }
                int[] order = known.stream().mapToInt(Integer::intValue).toArray();
                shuffle(order, o);
                o.probeOrder = order;
                o.probeCursor = 0;
                if (order.length == 0) {
                    return -1;
                }
            }
            int candidate = o.probeOrder[o.probeCursor++];
            if (o.member(candidate).active()) {
                return candidate;
            }
        }
        return -1;
    }

    private void shuffle(int[] a, Peer o) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = o.fdRandom.nextInt(i + 1);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }

    /** A direct ping, then indirect pings through up to 3 random live members. */
    private boolean probeSucceeds(Peer o, int target) {
        int targetGen = o.member(target).gen;
        boolean answers = answers(target, targetGen);
        if (answers && topology.canReach(o.id, target)) {
            return true;
        }
        int[] helpers = candidates(o, m -> m != target && o.members[m].known && o.members[m].state == MemberState.ALIVE);
        for (int h : pick(helpers, config.indirectChecks(), o.fdRandom)) {
            Peer helper = peers[h];
            if (answers && helper.running && topology.canReach(o.id, h) && topology.canReach(h, target)) {
                return true;
            }
        }
        return false;
    }

    private boolean answers(int member, int gen) {
        Peer p = member < peers.length ? peers[member] : null;
        return p != null && p.running && p.gen == gen;
    }

    private void probeFailed(Peer o, int gen, int target, int targetGen) {
        Member v = o.member(target);
        if (o.running && o.gen == gen && v.gen == targetGen && v.active()) {
            onSuspect(o, new Suspect(target, targetGen, v.inc, o.id));
        }
    }

    private void onAlive(Peer r, Alive a) {
        if (a.member() == r.id) {
            return;
        }
        long t = agenda.now();
        Member v = r.member(a.member());
        if (!v.known || a.gen() > v.gen) {
            if (v.known && v.state != MemberState.LEFT) {
                ownerLeft(r, a.member(), t);
            }
            v.known = true;
            v.gen = a.gen();
            v.inc = a.inc();
            v.suspicion = null;
            setState(r, a.member(), v, MemberState.ALIVE, t, true);
            ownerActive(r, a.member(), t);
            broadcast(r, a, false);
            return;
        }
        if (a.gen() < v.gen || a.inc() <= v.inc) {
            return;
        }
        v.inc = a.inc();
        v.suspicion = null;
        v.timer++;
        MemberState before = v.state;
        setState(r, a.member(), v, MemberState.ALIVE, t, false);
        if (before == MemberState.DEAD || before == MemberState.LEFT) {
            ownerActive(r, a.member(), t);
        }
        broadcast(r, a, false);
    }

    private void onSuspect(Peer r, Suspect s) {
        if (s.member() == r.id) {
            if (s.gen() == r.gen) {
                refute(r, s.inc());
            }
            return;
        }
        long t = agenda.now();
        Member v = r.member(s.member());
        if (!v.known || s.gen() != v.gen || s.inc() < v.inc) {
            return;
        }
        if (v.state == MemberState.SUSPECT) {
            if (v.suspicion.confirm(s.from(), t)) {
                scheduleSuspicion(r, s.member(), v);
                broadcast(r, s, s.from() == r.id);
            }
            return;
        }
        if (v.state != MemberState.ALIVE) {
            return;
        }
        v.inc = s.inc();
        v.suspicion = new Suspicion(config, estimatedNodes(r, t), s.from(), t);
        setState(r, s.member(), v, MemberState.SUSPECT, t, false);
        scheduleSuspicion(r, s.member(), v);
        broadcast(r, s, s.from() == r.id);
    }

    private void scheduleSuspicion(Peer r, int member, Member v) {
        int token = ++v.timer;
        int gen = r.gen;
        agenda.at(v.suspicion.deadline(), () -> {
            if (r.running && r.gen == gen && v.state == MemberState.SUSPECT && v.timer == token) {
                onDead(r, new Dead(member, v.gen, v.inc, r.id));
            }
        });
    }

    private void onDead(Peer r, Dead d) {
        if (d.member() == r.id) {
            if (d.gen() == r.gen) {
                refute(r, d.inc());
            }
            return;
        }
        long t = agenda.now();
        Member v = r.member(d.member());
        if (!v.known || d.gen() != v.gen || d.inc() < v.inc
                || v.state == MemberState.DEAD || v.state == MemberState.LEFT) {
            return;
        }
        v.inc = d.inc();
        v.suspicion = null;
        v.timer++;
        boolean left = d.from() == d.member();
        setState(r, d.member(), v, left ? MemberState.LEFT : MemberState.DEAD, t, false);
        if (left) {
            ownerLeft(r, d.member(), t);
        } else {
            ownerFailed(r, d.member(), t);
            startReconnect(r, t);
        }
        broadcast(r, d, d.from() == r.id);
    }

    /** memberlist {@code refute}: a higher incarnation, broadcast as alive. */
    private void refute(Peer r, int accused) {
        r.inc = Math.max(r.inc, accused) + 1;
        r.member(r.id).inc = r.inc;
        broadcast(r, new Alive(r.id, r.gen, r.inc), true);
    }

    private void setState(Peer r, int member, Member v, MemberState to, long t, boolean fresh) {
        Optional<MemberState> from = fresh ? Optional.empty() : Optional.of(v.state);
        if (!fresh && v.state == to) {
            return;
        }
        v.state = to;
        v.since = t;
        membershipChanged = true;
        sink.accept(new MemberChanged(t, r.name, peers[member].name, from, to));
    }

    /** memberlist {@code estNumNodes}: members in the list, itself included, dead ones until reaped. */
    private int estimatedNodes(Peer r, long t) {
        int n = 0;
        for (Member v : r.members) {
            if (v.known && (v.active() || t - v.since <= config.gossipToTheDeadNanos())) {
                n++;
            }
        }
        return n;
    }

    // =============================================================================================
    // state exchange: push/pull, reconnect, anti-entropy

    /** memberlist push/pull: both sides merge the other's member list; a suspected or dead claim about oneself is refuted. */
    private void pushPull(Peer a, Peer b, long time, boolean withTables) {
        if (!b.running || !topology.canReach(a.id, b.id)) {
            return;
        }
        int ga = a.gen;
        int gb = b.gen;
        agenda.at(time + topology.latencyNanos(a.id, b.id), () -> {
            if (!a.running || !b.running || a.gen != ga || b.gen != gb) {
                return;
            }
            List<Message> ofA = memberList(a);
            List<Message> ofB = memberList(b);
            merging = true;
            merge(b, ofA);
            merge(a, ofB);
            merging = false;
            if (withTables) {
                for (String network : new ArrayList<>(a.tables.keySet())) {
                    if (attached(b, network)) {
                        exchange(a, b, network);
                    }
                }
            }
        });
    }

    private static List<Message> memberList(Peer p) {
        List<Message> out = new ArrayList<>();
        for (int m = 0; m < p.members.length; m++) {
            Member v = p.members[m];
            if (!v.known) {
                continue;
            }
            switch (v.state) {
                case ALIVE -> out.add(new Alive(m, v.gen, v.inc));
                case SUSPECT, DEAD -> out.add(new Suspect(m, v.gen, v.inc, -1));
                case LEFT -> out.add(new Dead(m, v.gen, v.inc, m));
            }
        }
        return out;
    }

    /** memberlist {@code mergeState}: a remote "dead" is taken as a local suspicion, never as death. */
    private void merge(Peer local, List<Message> remote) {
        for (Message m : remote) {
            if (m instanceof Alive a) {
                onAlive(local, a);
            } else if (m instanceof Suspect s) {
                onSuspect(local, new Suspect(s.member(), s.gen(), s.inc(), local.id));
            } else if (m instanceof Dead d) {
                onDead(local, d);
            }
        }
    }

    private void startReconnect(Peer r, long time) {
        if (!r.reconnecting) {
            r.reconnecting = true;
            int gen = r.gen;
            agenda.at(nextTick(r.reconnectPhase, config.reconnectIntervalNanos(), time), () -> reconnectTick(r, gen));
        }
    }

    /** NetworkDB {@code reconnectNode}: one random failed peer per second; join it, then bulk-sync. */
    private void reconnectTick(Peer r, int gen) {
        if (!r.running || r.gen != gen) {
            return;
        }
        int[] failed = candidates(r, m -> r.members[m].known && r.members[m].state == MemberState.DEAD);
        if (failed.length == 0) {
            r.reconnecting = false;
            return;
        }
        Peer f = peers[failed[r.gossipRandom.nextInt(failed.length)]];
        long t = agenda.now();
        pushPull(r, f, t, true);
        agenda.at(t + config.reconnectIntervalNanos(), () -> reconnectTick(r, gen));
    }

    private void startAntiEntropy(Peer p, long time) {
        if (!p.antiEntropy) {
            p.antiEntropy = true;
            int gen = p.gen;
            agenda.at(nextTick(p.antiEntropyPhase, config.pushPullIntervalNanos(), time), () -> antiEntropyTick(p, gen));
        }
    }

    /** Every 30 s: a push/pull with one random live member, and a bulk sync of each network with a random peer. */
    private void antiEntropyTick(Peer p, int gen) {
        if (!p.running || p.gen != gen) {
            return;
        }
        long t = agenda.now();
        int[] alive = candidates(p, m -> p.members[m].known && p.members[m].state == MemberState.ALIVE);
        if (alive.length > 0) {
            pushPull(p, peers[alive[p.gossipRandom.nextInt(alive.length)]], t, false);
        }
        for (String network : new ArrayList<>(p.tables.keySet())) {
            int[] netPeers = networkAudience(p, network);
            for (int q : pick(netPeers, 2, p.gossipRandom)) {
                if (peers[q].running && topology.canReach(p.id, q)) {
                    bulkSync(p, peers[q], network, t);
                    break;
                }
            }
        }
        agenda.at(t + config.pushPullIntervalNanos(), () -> antiEntropyTick(p, gen));
    }

    // =============================================================================================
    // tables (NetworkDB)

    private void write(Peer o, String network, String key, Optional<Endpoint> value, long time) {
        Map<String, Entry> table = o.tables.get(network);
        Entry e = table.computeIfAbsent(key, Entry::new);
        e.owner = o.id;
        e.ownerGen = o.gen;
        e.lamport = ++lamport;
        e.value = value;
        e.forgotten = false;
        refresh(o, network, e, time);
        broadcast(o, new Table(network, key, o.id, o.gen, e.lamport, value), true);
    }

    private void onTable(Peer r, Table m, boolean rebroadcast) {
        Map<String, Entry> table = r.tables.get(m.network());
        if (table == null || m.owner() == r.id) {
            return;
        }
        Member owner = r.member(m.owner());
        if (owner.known && m.ownerGen() < owner.gen) {
            return;
        }
        if (config.failedPeerEntries() == FailedPeerEntries.DELETE && owner.known && owner.gen == m.ownerGen()
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
        refresh(r, m.network(), e, agenda.now());
        if (rebroadcast) {
            broadcast(r, m, false);
        }
    }

    private void bulkSync(Peer a, Peer b, String network, long time) {
        if (!b.running || !topology.canReach(a.id, b.id)) {
            return;
        }
        int ga = a.gen;
        int gb = b.gen;
        agenda.at(time + topology.latencyNanos(a.id, b.id), () -> {
            if (a.running && b.running && a.gen == ga && b.gen == gb && attached(a, network) && attached(b, network)) {
                exchange(a, b, network);
            }
        });
    }

    /** Both sides send their whole table; newer Lamport times win; nothing is re-gossiped. */
    private void exchange(Peer a, Peer b, String network) {
        List<Table> ofA = tableOf(a, network);
        List<Table> ofB = tableOf(b, network);
        ofA.forEach(m -> onTable(b, m, false));
        ofB.forEach(m -> onTable(a, m, false));
    }

    private static List<Table> tableOf(Peer p, String network) {
        List<Table> out = new ArrayList<>();
        for (Entry e : p.tables.get(network).values()) {
            if (!e.forgotten) {
                out.add(new Table(network, e.key, e.owner, e.ownerGen, e.lamport, e.value));
            }
        }
        return out;
    }

    /** The owner was declared failed: its entries leave the view (hidden, or forgotten in delete mode). */
    private void ownerFailed(Peer r, int owner, long t) {
        boolean forget = config.failedPeerEntries() == FailedPeerEntries.DELETE;
        forEachOwned(r, owner, (network, e) -> {
            if (forget && e.value.isPresent()) {
                e.forgotten = true;
            }
            refresh(r, network, e, t);
        });
    }

    /** The owner left, or a new generation replaced it: its entries are deleted for good. */
    private void ownerLeft(Peer r, int owner, long t) {
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
    private void ownerActive(Peer r, int owner, long t) {
        forEachOwned(r, owner, (network, e) -> refresh(r, network, e, t));
    }

    private void forEachOwned(Peer r, int owner, java.util.function.BiConsumer<String, Entry> action) {
        for (Map.Entry<String, Map<String, Entry>> table : r.tables.entrySet()) {
            for (Entry e : table.getValue().values()) {
                if (e.owner == owner) {
                    action.accept(table.getKey(), e);
                }
            }
        }
    }

    private boolean visible(Peer r, Entry e) {
        if (e.value.isEmpty() || e.forgotten) {
            return false;
        }
        if (e.owner == r.id) {
            return e.ownerGen == r.gen;
        }
        Member m = r.member(e.owner);
        return m.active() && m.gen == e.ownerGen;
    }

    private void refresh(Peer r, String network, Entry e, long t) {
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

    private void emit(long t, Peer r, String network, Entry e, Op op, Endpoint value) {
        sink.accept(new EntryChanged(t, r.name, network, e.key, peers[e.owner].name, op, value));
    }

    private boolean attached(Peer p, String network) {
        return p.running && p.tables.containsKey(network);
    }

    // =============================================================================================
    // transport

    private void send(Peer from, Peer to, Message m, long time) {
        if (!to.running || !topology.canReach(from.id, to.id)) {
            return;
        }
        int gen = to.gen;
        agenda.at(time + topology.latencyNanos(from.id, to.id), () -> {
            if (to.running && to.gen == gen) {
                receive(to, m);
            }
        });
    }

    private void receive(Peer r, Message m) {
        if (m instanceof Alive a) {
            onAlive(r, a);
        } else if (m instanceof Suspect s) {
            onSuspect(r, s);
        } else if (m instanceof Dead d) {
            onDead(r, d);
        } else if (m instanceof Table t) {
            onTable(r, t, true);
        }
    }

    /**
     * Queues a broadcast (epidemic), or delivers it hop by hop at once (fixed delay). With a fixed delay
     * only the originator sends: the relay is worked out when it is sent.
     */
    private void broadcast(Peer origin, Message m, boolean originated) {
        if (config.dissemination() instanceof Dissemination.FixedDelay fixed) {
            if (originated || merging) {
                relay(origin, m, fixed.hopNanos());
            }
            return;
        }
        List<Peer.Queued> queue = m instanceof Table t
                ? origin.tableQueues.computeIfAbsent(t.network(), n -> new ArrayList<>())
                : origin.memberQueue;
        queue.removeIf(q -> q.message.subject().equals(m.subject()));
        queue.add(new Peer.Queued(m));
        wakeGossip(origin, agenda.now());
    }

    private void relay(Peer origin, Message m, long hopNanos) {
        long t = agenda.now();
        boolean[] reached = new boolean[peers.length];
        reached[origin.id] = true;
        List<Peer> frontier = List.of(origin);
        for (int hop = 1; !frontier.isEmpty(); hop++) {
            List<Peer> next = new ArrayList<>();
            for (Peer x : frontier) {
                for (Peer y : peers) {
                    if (y != null && !reached[y.id] && y.running && inAudience(y, m)
                            && topology.canReach(x.id, y.id)) {
                        reached[y.id] = true;
                        next.add(y);
                        int gen = y.gen;
                        agenda.at(t + hop * hopNanos, () -> {
                            if (y.running && y.gen == gen) {
                                receive(y, m);
                            }
                        });
                    }
                }
            }
            frontier = next;
        }
    }

    private boolean inAudience(Peer p, Message m) {
        return !(m instanceof Table t) || attached(p, t.network());
    }

    private void wakeGossip(Peer o, long time) {
        if (o.running && !o.gossiping && o.hasQueued()) {
            o.gossiping = true;
            int gen = o.gen;
            agenda.at(nextTick(o.gossipPhase, config.gossipIntervalNanos(), time), () -> gossipTick(o, gen));
        }
    }

    /** memberlist {@code gossip} and NetworkDB's per-network gossip: queued messages to 3 random peers each. */
    private void gossipTick(Peer o, int gen) {
        if (!o.running || o.gen != gen) {
            return;
        }
        long t = agenda.now();
        boolean anyone = false;
        if (!o.memberQueue.isEmpty()) {
            int[] audience = candidates(o, m -> gossipTarget(o.members[m], t));
            anyone |= transmit(o, o.memberQueue, audience, config.retransmitLimit(estimatedNodes(o, t)), t);
        }
        for (Map.Entry<String, List<Peer.Queued>> q : o.tableQueues.entrySet()) {
            if (!q.getValue().isEmpty()) {
                int[] audience = networkAudience(o, q.getKey());
                anyone |= transmit(o, q.getValue(), audience, config.retransmitLimit(audience.length + 1), t);
            }
        }
        if (anyone && o.hasQueued()) {
            agenda.at(t + config.gossipIntervalNanos(), () -> gossipTick(o, gen));
        } else {
            o.gossiping = false;
        }
    }

    private boolean gossipTarget(Member v, long t) {
        return v.known && (v.active() || t - v.since <= config.gossipToTheDeadNanos());
    }

    private boolean transmit(Peer o, List<Peer.Queued> queue, int[] audience, int limit, long t) {
        if (audience.length == 0) {
            return false;
        }
        for (int target : pick(audience, config.gossipNodes(), o.gossipRandom)) {
            for (Peer.Queued q : queue) {
                send(o, peers[target], q.message, t);
                q.transmits++;
            }
        }
        queue.removeIf(q -> q.transmits >= limit);
        return true;
    }

    /** NetworkDB {@code networkNodes}: the other nodes attached to the network that this node believes active. */
    private int[] networkAudience(Peer o, String network) {
        return candidates(o, m -> peers[m] != null && attached(peers[m], network) && o.members[m].active());
    }

    // =============================================================================================
    // helpers

    private void settle() {
        if (membershipChanged) {
            membershipChanged = false;
            long t = agenda.now();
            wakeProbers(t);
            for (Peer p : peers) {
                if (p != null) {
                    wakeGossip(p, t);
                }
            }
        }
    }

    private int[] candidates(Peer o, java.util.function.IntPredicate keep) {
        int[] out = new int[o.members.length];
        int n = 0;
        for (int m = 0; m < o.members.length; m++) {
            if (m != o.id && keep.test(m)) {
                out[n++] = m;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Up to {@code k} distinct members, uniformly at random (memberlist {@code kRandomNodes}). */
    private static int[] pick(int[] from, int k, java.util.SplittableRandom random) {
        int[] a = from.clone();
        int n = Math.min(k, a.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(a.length - i);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
        return Arrays.copyOf(a, n);
    }

    /** The first tick of a ticker with this phase and interval strictly after {@code time}. */
    private static long nextTick(long phase, long interval, long time) {
        if (time < phase) {
            return phase;
        }
        return phase + ((time - phase) / interval + 1) * interval;
    }

    private Peer peer(String host) {
        int i = topology.indexOf(host).orElseThrow(() -> new IllegalArgumentException("no such host: " + host));
        if (i >= peers.length) {
            peers = Arrays.copyOf(peers, Math.max(i + 1, peers.length * 2));
        }
        if (peers[i] == null) {
            peers[i] = new Peer(i, host, randomness.stream("gossip." + host), randomness.stream("fd." + host), config);
        }
        return peers[i];
    }

    private Peer find(String host) {
        int i = topology.indexOf(host).orElse(-1);
        return i >= 0 && i < peers.length ? peers[i] : null;
    }

    /** One entry of a node's view. */
    public record ViewEntry(String key, String owner, Endpoint endpoint) {}
}
