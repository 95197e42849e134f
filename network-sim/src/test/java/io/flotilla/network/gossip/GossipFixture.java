package io.flotilla.network.gossip;

import io.flotilla.network.gossip.GossipEvent.EntryChanged;
import io.flotilla.network.gossip.GossipEvent.MemberChanged;
import io.flotilla.network.gossip.GossipEvent.Op;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/** A small gossiping cluster for tests: every host publishes one endpoint {@code web.<host>} on {@code frontend}. */
final class GossipFixture {

    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;
    static final String NET = "frontend";

    final List<String> hosts;
    final Topology topology;
    final List<GossipEvent> events = new ArrayList<>();
    final GossipCluster cluster;

    private GossipFixture(List<String> hosts, GossipConfig config, long seed) {
        this.hosts = hosts;
        this.topology = new Topology(hosts);
        this.cluster = new GossipCluster(config, topology, Randomness.seeded(seed), events::add);
        cluster.start(0, hosts);
    }

    static GossipFixture of(int n, GossipConfig config, long seed) {
        List<String> hosts = IntStream.rangeClosed(1, n).mapToObj(i -> i == 1 ? "m1" : "w" + (i - 1)).toList();
        return new GossipFixture(hosts, config, seed);
    }

    static GossipFixture of(int n, long seed) {
        return of(n, GossipConfig.defaults(), seed);
    }

    /** Every host publishes its endpoint at time 0 and the cluster settles for 10 s. */
    GossipFixture publishAll() {
        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i);
            cluster.publish(0, h, "web." + h, endpoint(h, i));
        }
        cluster.advanceTo(10 * S);
        return this;
    }

    static Endpoint endpoint(String host, int i) {
        return Endpoint.vip(NET, "web." + host, "web", "10.0.1." + (2 + i), "10.0.1.100");
    }

    void crash(long t, String host) {
        topology.hostDown(host);
        cluster.hostCrashed(t, host);
    }

    void restart(long t, String host) {
        topology.hostUp(host);
        cluster.hostRestarted(t, host);
    }

    void partition(long t, List<List<String>> groups) {
        topology.partition(groups);
        cluster.topologyChanged(t);
    }

    void linkDown(long t, String a, String b) {
        topology.linkDown(a, b);
        cluster.topologyChanged(t);
    }

    void heal(long t) {
        topology.heal();
        cluster.topologyChanged(t);
    }

    /** When {@code observer} first saw {@code op} on {@code key} at or after {@code from}. */
    OptionalLong when(String observer, String key, Op op, long from) {
        return events.stream()
                .filter(e -> e instanceof EntryChanged c && c.observer().equals(observer) && c.key().equals(key)
                        && c.op() == op && c.time() >= from)
                .mapToLong(GossipEvent::time).findFirst();
    }

    OptionalLong memberWhen(String observer, String member, MemberState to, long from) {
        return events.stream()
                .filter(e -> e instanceof MemberChanged c && c.observer().equals(observer) && c.member().equals(member)
                        && c.to() == to && c.time() >= from)
                .mapToLong(GossipEvent::time).findFirst();
    }

    boolean sees(String observer, String key) {
        return cluster.view(observer, NET).stream().anyMatch(e -> e.key().equals(key));
    }
}
