package io.flotilla.benchmarks.swarm;

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
import io.flotilla.sim.kernel.Simulation;
import io.flotilla.sim.swarm.SwarmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cluster of {@code scenarios/bench/zone-outage-5000-nodes.yaml}: 3 managers and 1,247 workers in
 * zone a, 1,250 workers in each of zones b, c and d, every node of 16 CPUs and 64 GiB; 100 services
 * of 1,000 replicas reserving 0.05 CPU and 64 MB each, every fourth spreading over the zones.
 */
final class ZoneCluster {

    static final int SERVICES = 100;
    static final int REPLICAS = 1_000;

    private ZoneCluster() {}

    static List<NodeSpec> nodes() {
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            nodes.add(node("manager-" + i, NodeRole.MANAGER, "a"));
        }
        for (String zone : List.of("a", "b", "c", "d")) {
            for (int i = 1; i <= (zone.equals("a") ? 1_247 : 1_250); i++) {
                nodes.add(node("worker-" + zone + "-" + i, NodeRole.WORKER, zone));
            }
        }
        return nodes;
    }

    private static NodeSpec node(String name, NodeRole role, String zone) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("zone", zone);
        labels.put("topology.kubernetes.io/zone", zone);
        return new NodeSpec(name, role, Resources.of(16, 64L << 30), labels, new TreeMap<>(), Platform.LINUX_AMD64, List.of());
    }

    /**
     * The whole simulated cluster (actors, virtual-time timers, the wire) under Swarm, every node with
     * a 100 MB/s pull and 100 MB images that take a second to start, its services deployed at time 0;
     * nothing has run yet.
     */
    static Simulation<Cluster.Command> deployed(String name) {
        long second = 1_000_000_000L;
        List<NodeSetup> setups = nodes().stream()
                .map(spec -> new NodeSetup(spec, Availability.ACTIVE, 100L * 1024 * 1024))
                .toList();
        ClusterSetup setup = new ClusterSetup(setups, List.of(), image -> new Image(image, 100L * 1024 * 1024, second,
                OptionalLong.empty()), SwarmSettings.DEFAULT, Set.of());
        Simulation<Cluster.Command> sim = Simulation.start(name, 1, kernel -> Cluster.create(setup, kernel));
        for (ServiceSpec service : services()) {
            sim.tellAt(0, sim.root(), new Cluster.Deploy(service, KubernetesPodSpec.NONE));
        }
        return sim;
    }

    static List<ServiceSpec> services() {
        List<ServiceSpec> services = new ArrayList<>(SERVICES);
        for (int s = 1; s <= SERVICES; s++) {
            List<String> spread = s % 4 == 0 ? List.of("node.labels.zone") : List.of();
            TaskSpec task = new TaskSpec("app:%03d".formatted(s), Resources.of(0.05, 64_000_000L), Resources.NONE,
                    new Placement(List.of(), spread, 0, List.of()), List.of(), List.of(), RestartPolicy.DEFAULT);
            services.add(new ServiceSpec("svc-%03d".formatted(s), ServiceMode.REPLICATED, REPLICAS, task, UpdateConfig.DEFAULT,
                    UpdateConfig.DEFAULT, EndpointMode.VIP));
        }
        return services;
    }
}
