package io.flotilla.benchmarks.network;

import io.flotilla.network.driver.NetworkSpec;
import io.flotilla.network.driver.Networks;
import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.gossip.GossipCluster;
import io.flotilla.network.gossip.GossipConfig;
import io.flotilla.network.kubernetes.EndpointConditions;
import io.flotilla.network.kubernetes.KubeService;
import io.flotilla.network.kubernetes.KubernetesDataPlane;
import io.flotilla.network.kubernetes.KubernetesRouter;
import io.flotilla.network.kubernetes.PodEndpoint;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.request.TrafficLedger;
import io.flotilla.network.swarm.SwarmDataPlane;
import io.flotilla.network.swarm.SwarmDataPlane.EndpointMode;
import io.flotilla.network.swarm.SwarmDataPlane.ServiceDecl;
import io.flotilla.network.swarm.SwarmRouter;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Request resolution and balancing, one request at a time, as traffic clients drive it: a 20-node
 * cluster, 5 services of 12 replicas on an overlay network (one publishing port 8080 through the
 * routing mesh), every node's view converged through the gossip model, one client per node. Each
 * invocation sends {@value #BATCH} requests, cycling through the clients and advancing virtual time by
 * 1 ms per request, and counts them in a ledger; the score is requests per second on one thread.
 *
 * <ul>
 *   <li>{@code swarmVip}: the service name, each client node's IPVS round robin;
 *   <li>{@code swarmTasks}: {@code tasks.NAME}, a random enabled task;
 *   <li>{@code swarmRoutingMesh}: {@code NODE:8080} from outside, the receiving node's ingress IPVS;
 *   <li>{@code kubernetesClusterIp}: a ClusterIP Service, kube-proxy's random choice on each node.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestRoutingBenchmark {

    static final int NODES = 20;
    static final int SERVICES = 5;
    static final int REPLICAS = 12;
    static final int BATCH = 1024;
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private final Outcome out = new Outcome();
    private final TrafficLedger ledger = new TrafficLedger();
    private SwarmRouter swarm;
    private KubernetesRouter kubernetes;
    private SwarmRouter.Route[] vip;
    private SwarmRouter.Route[] tasks;
    private SwarmRouter.Route[] mesh;
    private KubernetesRouter.Route[] clusterIp;
    private long now = 100 * S;

    @Setup
    public void setUp() {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            hosts.add("node-" + i);
        }
        Topology topology = new Topology(hosts);
        Backends backends = new Backends();
        SwarmDataPlane plane = new SwarmDataPlane(topology, new Networks(List.of(NetworkSpec.overlay("frontend"))),
                backends, Randomness.seeded(1));
        GossipCluster gossip = new GossipCluster(GossipConfig.defaults(), topology, Randomness.seeded(1), plane::apply);
        gossip.start(0, hosts);
        for (int s = 0; s < SERVICES; s++) {
            String service = "svc-" + s;
            List<Integer> ports = s == 0 ? List.of(8080) : List.of();
            plane.declareService(new ServiceDecl(service, EndpointMode.VIP, List.of("frontend", "ingress"), ports));
            for (int r = 0; r < REPLICAS; r++) {
                String task = service + "." + (r + 1);
                String host = hosts.get((s * REPLICAS + r) % NODES);
                gossip.publish(S, host, task, Endpoint.vip("frontend", task, service, "10.0.1." + (10 + s * REPLICAS + r), "10.0.1." + (2 + s)));
                gossip.publish(S, host, task, Endpoint.vip("ingress", task, service, "10.0.0." + (10 + s * REPLICAS + r), "10.0.0." + (2 + s)));
                backends.setServing(backends.id(task).orElseThrow(), true);
            }
        }
        for (String h : hosts) {
            gossip.joinNetwork(S, h, "frontend");
            gossip.joinNetwork(S, h, "ingress");
        }
        gossip.advanceTo(60 * S);
        swarm = new SwarmRouter(plane, topology, backends, 0);
        vip = new SwarmRouter.Route[NODES];
        tasks = new SwarmRouter.Route[NODES];
        mesh = new SwarmRouter.Route[NODES];
        for (int i = 0; i < NODES; i++) {
            vip[i] = swarm.route(hosts.get(i), Optional.of("frontend"), Target.parse("svc-" + (i % SERVICES)));
            tasks[i] = swarm.route(hosts.get(i), Optional.of("frontend"), Target.parse("tasks.svc-" + (i % SERVICES)));
            mesh[i] = swarm.route(Target.OUTSIDE, Optional.empty(), Target.parse(hosts.get(i) + ":8080"));
        }

        Backends pods = new Backends();
        KubernetesDataPlane k8s = new KubernetesDataPlane(topology, pods, Randomness.seeded(1), hosts.get(0), S);
        for (int s = 0; s < SERVICES; s++) {
            k8s.putService(0, KubeService.clusterIp("svc-" + s, "default", "10.96.0." + (2 + s)));
            List<PodEndpoint> endpoints = new ArrayList<>();
            for (int r = 0; r < REPLICAS; r++) {
                String pod = "svc-" + s + "-" + r;
                endpoints.add(new PodEndpoint(pod, pod, "10.244." + r + "." + (2 + s), hosts.get((s * REPLICAS + r) % NODES),
                        EndpointConditions.READY, Optional.empty()));
            }
            k8s.setEndpoints(0, "default", "svc-" + s, endpoints);
        }
        k8s.advanceTo(10 * S);
        for (int i = 0; i < pods.size(); i++) {
            pods.setServing(i, true);
        }
        kubernetes = new KubernetesRouter(k8s, topology, pods, 0);
        clusterIp = new KubernetesRouter.Route[NODES];
        for (int i = 0; i < NODES; i++) {
            clusterIp[i] = kubernetes.route(hosts.get(i), "default", Target.parse("svc-" + (i % SERVICES)));
        }
        check();
    }

    private void check() {
        for (int i = 0; i < NODES; i++) {
            if (swarm.send(vip[i], now, S, out) != Result.SERVED || swarm.send(mesh[i], now, S, out) != Result.SERVED
                    || swarm.send(tasks[i], now, S, out) != Result.SERVED
                    || kubernetes.send(clusterIp[i], now, S, out) != Result.SERVED) {
                throw new IllegalStateException("the benchmark's cluster does not serve from node-" + i);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long swarmVip() {
        return run(vip);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long swarmTasks() {
        return run(tasks);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long swarmRoutingMesh() {
        return run(mesh);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long kubernetesClusterIp() {
        for (int i = 0; i < BATCH; i++) {
            now += MS;
            ledger.record(kubernetes.send(clusterIp[i % NODES], now, S, out), out);
        }
        ledger.advanceTo(now);
        return ledger.sent();
    }

    private long run(SwarmRouter.Route[] routes) {
        for (int i = 0; i < BATCH; i++) {
            now += MS;
            ledger.record(swarm.send(routes[i % NODES], now, S, out), out);
        }
        ledger.advanceTo(now);
        return ledger.sent();
    }
}
