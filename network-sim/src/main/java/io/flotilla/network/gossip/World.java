package io.flotilla.network.gossip;

import io.flotilla.network.random.Randomness;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import java.util.Arrays;
import java.util.function.Consumer;

/** What the gossip model's parts share: configuration, underlay, clock, the sink, every node's daemon. */
final class World {

    final GossipConfig config;
    final Topology topology;
    final Randomness randomness;
    final Consumer<GossipEvent> sink;
    final Agenda agenda = new Agenda();
    Peer[] peers = new Peer[0];
    /** By peer id: the generation of the daemon running there, or -1; what {@link #run} keeps beside each peer's own fields. */
    private int[] runningGen = new int[0];
    private final java.util.Map<String, TableLog> logs = new java.util.HashMap<>();
    /** By network: the peers attached to it (running, with a replica of its table). */
    private final java.util.Map<String, PeerSet> attachedPeers = new java.util.HashMap<>();
    private final java.util.Map<String, Replica[]> replicas = new java.util.HashMap<>();
    long lamport;
    /** Some member changed state somewhere: probes and gossip may have to start again. */
    boolean membershipChanged;
    /** What runs after each action on the agenda (and between the messages of one packet, which each count as one). */
    Runnable afterAction = () -> { };
    /** Set while merging a push/pull or bulk sync: what is learnt that way is news to spread in fixed-delay mode too. */
    boolean merging;
    /**
     * Peers that have stopped or restarted at least once, in id order: the only ones whose daemon may
     * not be the one others believe alive. The rest are running the generation everyone knows.
     */
    final java.util.TreeSet<Integer> unsettled = new java.util.TreeSet<>();
    /**
     * Nothing has happened yet to any member: no daemon has stopped, restarted or joined late, and no
     * member has left the alive state in anyone's list. Until then every running daemon knows every
     * other, alive, at the generation it started with, so it shows every entry it holds that has a
     * value: a bulk sync at start-up need not ask each receiver what it believes of each owner.
     */
    boolean undisturbed = true;
    /** The ids of the decision under way (see {@link Ids}); decisions never nest. */
    final Ids ids = new Ids();
    /** A network's audience for the decision under way (see {@link Audience}). */
    final Audience audience = new Audience();
    /** Observers whose every entry change goes to the sink; the others' changes only to {@link #viewChanged}. */
    java.util.function.Predicate<String> detailed = observer -> true;
    java.util.function.BiConsumer<String, String> viewChanged = (observer, network) -> { };
    /** The replicas whose observer has been told that its view changed since the reader last read them. */
    final java.util.List<Replica> signalled = new java.util.ArrayList<>();

    private long gossipRulesVersion = -1;
    private boolean gossipCutSomewhere;

    World(GossipConfig config, Topology topology, Randomness randomness, Consumer<GossipEvent> sink) {
        this.config = config;
        this.topology = topology;
        this.randomness = randomness;
        this.sink = sink;
    }

    /**
     * Whether gossip passes from host {@code a} to host {@code b}: the underlay connects them and
     * neither's firewall drops gossip. Every exchange of memberlist and NetworkDB has an answer or a
     * sync that comes back to the sender's port, so a node that drops it is cut off both ways.
     */
    boolean reach(int a, int b) {
        return topology.canReach(a, b) && (a == b || !gossipDropped(a) && !gossipDropped(b));
    }

    /** Whether the underlay is whole and no firewall drops gossip: then only stopped daemons fail a probe. */
    boolean whole() {
        return topology.isWhole() && !gossipDroppedAnywhere();
    }

    private boolean gossipDropped(int host) {
        return topology.firewalls().drops(host, FirewallRule.GOSSIP_TCP) && topology.firewalls().drops(host, FirewallRule.GOSSIP_UDP);
    }

    /** Worked out once per change of the rules: {@link #whole} is asked per node and tick. */
    private boolean gossipDroppedAnywhere() {
        if (!topology.firewalls().any()) {
            return false;
        }
        if (gossipRulesVersion != topology.firewalls().version()) {
            gossipRulesVersion = topology.firewalls().version();
            gossipCutSomewhere = false;
            for (int h = 0; h < topology.hostSlots() && !gossipCutSomewhere; h++) {
                gossipCutSomewhere = gossipDropped(h);
            }
        }
        return gossipCutSomewhere;
    }

    /** The members of {@code o}'s list but itself that {@code keep} accepts, in id order, into the shared {@link #ids}. */
    Ids candidates(Peer o, java.util.function.IntPredicate keep) {
        ids.clear();
        for (int m = 0; m < o.members.size(); m++) {
            if (m != o.id && keep.test(m)) {
                ids.add(m);
            }
        }
        return ids;
    }

    /** The first tick of a ticker with this phase and interval strictly after {@code time}. */
    static long nextTick(long phase, long interval, long time) {
        if (time < phase) {
            return phase;
        }
        return phase + ((time - phase) / interval + 1) * interval;
    }

    Peer peer(String host) {
        int i = topology.indexOf(host).orElseThrow(() -> new IllegalArgumentException("no such host: " + host));
        if (i >= peers.length) {
            peers = Arrays.copyOf(peers, Math.max(i + 1, peers.length * 2));
        }
        if (peers[i] == null) {
            peers[i] = new Peer(i, host, randomness.stream("gossip." + host), randomness.stream("fd." + host), config);
            peers[i].detailed = detailed.test(host);
        }
        return peers[i];
    }

    /** The daemon {@code p} runs from now on as generation {@code gen}, or stops ({@code running} false). */
    void run(Peer p, boolean running, int gen) {
        p.running = running;
        p.gen = gen;
        if (p.id >= runningGen.length) {
            int old = runningGen.length;
            runningGen = Arrays.copyOf(runningGen, Math.max(p.id + 1, old * 2));
            Arrays.fill(runningGen, old, runningGen.length, -1);
        }
        runningGen[p.id] = running ? gen : -1;
    }

    /** The generation of the daemon running on peer {@code id}, or -1: {@link Peer#running} and {@link Peer#gen} at one read. */
    int runningGen(int id) {
        return id < runningGen.length ? runningGen[id] : -1;
    }

    Peer find(String host) {
        int i = topology.indexOf(host).orElse(-1);
        return i >= 0 && i < peers.length ? peers[i] : null;
    }

    boolean attached(Peer p, String network) {
        return p.running && p.tables.containsKey(network);
    }

    TableLog log(String network) {
        return logs.computeIfAbsent(network, TableLog::new);
    }

    /** The peer takes part in the network's table from now on, with an empty replica. */
    void attach(Peer p, String network) {
        Replica rep = new Replica(log(network));
        p.tables.put(network, rep);
        attachedPeers.computeIfAbsent(network, n -> new PeerSet()).add(p.id);
        Replica[] row = replicas.getOrDefault(network, NO_REPLICAS);
        if (p.id >= row.length) {
            row = Arrays.copyOf(row, Math.max(p.id + 1, peers.length));
            replicas.put(network, row);
        }
        row[p.id] = rep;
    }

    void detach(Peer p, String network) {
        p.tables.remove(network);
        PeerSet bits = attachedPeers.get(network);
        if (bits != null) {
            bits.remove(p.id);
        }
        Replica[] row = replicas.getOrDefault(network, NO_REPLICAS);
        if (p.id < row.length) {
            row[p.id] = null;
        }
    }

    /** The peer stopped or restarted: it is on no network any more. */
    void detachAll(Peer p) {
        for (String network : p.tables.keySet()) {
            attachedPeers.get(network).remove(p.id);
            replicas.get(network)[p.id] = null;
        }
        p.tables.clear();
    }

    /**
     * By peer id: the replica of the network's table each attached peer holds (null for the others),
     * the same as each peer's own {@link Peer#tables}, for the bulk syncs that visit hundreds of peers
     * at once; do not change it.
     */
    Replica[] replicasOf(String network) {
        return replicas.getOrDefault(network, NO_REPLICAS);
    }

    /** The peers attached to the network, by id; do not change it. */
    PeerSet attachedTo(String network) {
        return attachedPeers.getOrDefault(network, EMPTY);
    }

    private static final PeerSet EMPTY = new PeerSet();
    private static final Replica[] NO_REPLICAS = new Replica[0];
}
