package io.flotilla.benchmarks.network;

import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.gossip.GossipCluster;
import io.flotilla.network.gossip.GossipConfig;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gossip layer's start-up storm in {@code scenarios/bench/traffic-1000-nodes.yaml}: 1,000 nodes,
 * 20 overlay networks, 500 containers on each starting at one instant. Each container's node joins
 * the network (its first container there) and publishes its endpoint; each join bulk-syncs with every
 * peer already on the network, and all those bulk syncs land half a millisecond later: 10,000 joins,
 * about 2.5 million exchanges, 5 million entries learnt. Twenty nodes have their views reported entry
 * by entry (the traffic clients' nodes); the others only that their view changed.
 *
 * <p>One invocation runs the joins, the publishes and the bulk syncs on a freshly started cluster;
 * the score is the time it takes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class GossipBulkSyncBenchmark {

    static final int MANAGERS = 3;
    static final int WORKERS = 997;
    static final int NETWORKS = 20;
    static final int REPLICAS = 500;
    private static final long MS = 1_000_000L;
    private static final long START = 2_050 * MS;

    private final List<String> workers = new ArrayList<>();
    private GossipCluster gossip;
    private long viewChanges;

    @Setup(Level.Iteration)
    public void setUp() {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= MANAGERS; i++) {
            hosts.add("manager-" + i);
        }
        workers.clear();
        for (int i = 1; i <= WORKERS; i++) {
            workers.add("worker-" + i);
        }
        hosts.addAll(workers);
        Set<String> detailed = new HashSet<>();
        for (int n = 0; n < NETWORKS; n++) {
            detailed.add(workers.get(46 + 47 * n));
        }
        gossip = new GossipCluster(GossipConfig.defaults(), new Topology(hosts), Randomness.seeded(1), event -> viewChanges++);
        gossip.summarize(detailed::contains, (observer, network) -> viewChanges++);
        gossip.start(0, hosts);
    }

    @Benchmark
    public long startUp() {
        for (int n = 0; n < NETWORKS; n++) {
            String network = String.format("net-%02d", n + 1);
            String service = String.format("svc-%02d", n + 1);
            String vip = "10.1." + (8 * n) + ".2";
            for (int r = 0; r < REPLICAS; r++) {
                String host = workers.get((n * REPLICAS + r) % WORKERS);
                String task = service + "." + (r + 1);
                int address = 3 + r;
                gossip.joinNetwork(START, host, network);
                gossip.publish(START, host, task, Endpoint.vip(network, task, service,
                        "10.1." + (8 * n + address / 256) + "." + (address % 256), vip));
            }
        }
        gossip.advanceTo(START + 10 * MS);
        return viewChanges;
    }
}
