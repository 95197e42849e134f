package io.flotilla.sim.dataplane;

import io.flotilla.network.driver.Driver;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.ClusterSetup;
import io.flotilla.sim.cluster.Image;
import io.flotilla.sim.cluster.NodeSetup;
import io.flotilla.sim.control.NetworkSetup;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.kernel.Simulation;
import io.flotilla.sim.kubernetes.KubernetesSettings;
import io.flotilla.sim.swarm.SwarmSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data plane's scale measurement (a main, not a test): 1,000 nodes (3 managers), 20 overlay
 * networks, 20 services of 500 tasks (one per network: 10,000 tasks), 20 clients on workers sending
 * 50 requests a second each through their service's VIP for 100 s (100,000 requests), a worker
 * crashing at 50 s. Prints the wall time of the whole run (building, 100 s of virtual time, reading
 * the log), the number of events by type and the requests' fate.
 *
 * <p>{@code java -cp <node-sim test classpath> io.flotilla.sim.dataplane.DataPlaneScale [swarm|kubernetes]}
 */
public final class DataPlaneScale {

    static final long S = 1_000_000_000L;
    /** Without networks or clients: the cost of the rest of the simulation, for comparison. */
    static boolean bare;

    public static void main(String[] args) {
        boolean kube = args.length > 0 && args[0].equals("kubernetes");
        bare = args.length > 2 && args[2].equals("bare");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime(); // wall-clock-ok: a measurement, not part of the simulation
            Map<String, Integer> counts = run(kube);
            long wall = System.nanoTime() - start; // wall-clock-ok
            System.out.printf("%s: %.2f s wall, events %s%n", kube ? "kubernetes" : "swarm", wall / 1e9, counts);
        }
    }

    static Map<String, Integer> run(boolean kube) {
        List<NodeSetup> nodes = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            String name = i <= 3 ? "manager-" + i : "worker-" + (i - 3);
            nodes.add(new NodeSetup(new NodeSpec(name, i <= 3 ? NodeRole.MANAGER : NodeRole.WORKER, Resources.of(8, 32L << 30),
                    new TreeMap<>(), new TreeMap<>(), new Platform("linux", "amd64"), List.of()), Availability.ACTIVE, 0));
        }
        List<NetworkSetup> networks = new ArrayList<>();
        List<ServiceSpec> services = new ArrayList<>();
        List<TrafficClient> clients = new ArrayList<>();
        for (int s = 1; s <= 20; s++) {
            String id = String.format("%02d", s);
            networks.add(new NetworkSetup("net-" + id, Driver.OVERLAY, Optional.of("10." + s + ".0.0/22"), false));
            TaskSpec task = new TaskSpec("app:" + id, Resources.of(0.1, 128L << 20), Resources.NONE,
                    new Placement(List.of("node.role == worker"), List.of(), 0, List.of()), List.of(), List.of("net-" + id),
                    RestartPolicy.DEFAULT);
            services.add(new ServiceSpec("svc-" + id, ServiceMode.REPLICATED, 500, task, UpdateConfig.DEFAULT,
                    UpdateConfig.DEFAULT, EndpointMode.VIP));
            clients.add(new TrafficClient("client-" + id, Optional.of("worker-" + (s * 37)), Optional.of("net-" + id),
                    "svc-" + id, 50, 0, 100 * S, S));
        }
        if (bare) {
            networks.clear();
            clients.clear();
            services.replaceAll(s -> s.withTask(new TaskSpec(s.task().image(), s.task().reservations(), s.task().limits(),
                    s.task().placement(), List.of(), List.of(), s.task().restartPolicy())));
        }
        ClusterSetup setup = new ClusterSetup(nodes, networks, image -> new Image(image, 0, S, OptionalLong.empty()),
                kube ? ClusterSetup.Orchestrator.KUBERNETES : ClusterSetup.Orchestrator.SWARM,
                new SwarmSettings(5 * S, 500_000_000L, 3), KubernetesSettings.DEFAULT, Set.of(), clients,
                DataPlaneSettings.DEFAULT);
        Map<String, Integer> counts = new TreeMap<>();
        try (Simulation<Cluster.Command> sim = Simulation.start("scale", 1, kernel -> Cluster.create(setup, kernel))) {
            for (ServiceSpec s : services) {
                sim.tellAt(0, sim.root(), new Cluster.Deploy(s, KubernetesPodSpec.NONE));
            }
            sim.tellAt(50 * S, sim.root(), new Cluster.Crash("worker-500"));
            long t0 = System.nanoTime(); // wall-clock-ok
            for (long until : new long[] {2 * S, 50 * S, 80 * S, 101 * S}) {
                sim.runUntil(until);
                System.out.printf("  until %ds: %.2f s wall, %.2f s cpu of this thread, %d events%n", until / S,
                        (System.nanoTime() - t0) / 1e9, // wall-clock-ok
                        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9,
                        sim.log().size());
            }
            long sent = 0;
            Map<String, Long> failed = new HashMap<>();
            for (LoggedEvent e : sim.log().events()) {
                counts.merge(e.event().type(), 1, Integer::sum);
                if (e.event() instanceof TrafficCounted t) {
                    sent += t.sent();
                    t.failed().forEach((k, v) -> failed.merge(k, v, Long::sum));
                }
            }
            System.out.println("requests " + sent + ", failed " + failed);
        }
        return counts;
    }
}
