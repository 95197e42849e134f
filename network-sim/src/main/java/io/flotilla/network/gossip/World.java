package io.flotilla.network.gossip;

import io.flotilla.network.random.Randomness;
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
    long lamport;
    /** Some member changed state somewhere: probes and gossip may have to start again. */
    boolean membershipChanged;
    /** Set while merging a push/pull or bulk sync: what is learnt that way is news to spread in fixed-delay mode too. */
    boolean merging;

    World(GossipConfig config, Topology topology, Randomness randomness, Consumer<GossipEvent> sink) {
        this.config = config;
        this.topology = topology;
        this.randomness = randomness;
        this.sink = sink;
    }

    int[] candidates(Peer o, java.util.function.IntPredicate keep) {
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
    static int[] pick(int[] from, int k, java.util.SplittableRandom random) {
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
        }
        return peers[i];
    }

    Peer find(String host) {
        int i = topology.indexOf(host).orElse(-1);
        return i >= 0 && i < peers.length ? peers[i] : null;
    }

    boolean attached(Peer p, String network) {
        return p.running && p.tables.containsKey(network);
    }
}
