package io.flotilla.sim.cluster;

import io.flotilla.sim.dataplane.DataPlaneSettings;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.EndpointMode;
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
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.kernel.Simulation;
import io.flotilla.sim.kubernetes.KubernetesSettings;
import io.flotilla.sim.swarm.SwarmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A small cluster in virtual time for the cluster's tests: managers and workers by name, images
 * that pull at once and start in a second, heartbeats every 5s exactly (no epsilon, so a node's
 * heartbeats keep one phase), and a timeline of cluster commands.
 */
final class SmallCluster implements AutoCloseable {

    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    /** A service of {@code replicas} tasks on the workers only. */
    static ServiceSpec workersOnly(String name, int replicas) {
        TaskSpec task = new TaskSpec("nginx:1.27", Resources.NONE, Resources.NONE,
                new Placement(List.of("node.role == worker"), List.of(), 0, List.of()), List.of(), List.of(),
                RestartPolicy.DEFAULT);
        return new ServiceSpec(name, ServiceMode.REPLICATED, replicas, task, UpdateConfig.DEFAULT, UpdateConfig.DEFAULT,
                EndpointMode.VIP);
    }

    final Simulation<Cluster.Command> sim;

    SmallCluster(ClusterSetup.Orchestrator orchestrator, List<String> managers, List<String> workers, long seed) {
        List<NodeSetup> nodes = new ArrayList<>();
        managers.forEach(m -> nodes.add(node(m, NodeRole.MANAGER)));
        workers.forEach(w -> nodes.add(node(w, NodeRole.WORKER)));
        ClusterSetup setup = new ClusterSetup(nodes, List.of(),
                image -> new Image(image, 0, S, OptionalLong.empty()), orchestrator,
                new SwarmSettings(5 * S, 0, 3), KubernetesSettings.DEFAULT, Set.of(), List.of(),
                DataPlaneSettings.DEFAULT);
        sim = Simulation.start("cluster-test", seed, kernel -> Cluster.create(setup, kernel));
    }

    private static NodeSetup node(String name, NodeRole role) {
        return new NodeSetup(new NodeSpec(name, role, Resources.of(4, 8L << 30), new TreeMap<>(), new TreeMap<>(),
                new Platform("linux", "amd64"), List.of()), Availability.ACTIVE, 0);
    }

    SmallCluster deploy(ServiceSpec service) {
        return at(0, new Cluster.Deploy(service, KubernetesPodSpec.NONE));
    }

    SmallCluster at(long time, Cluster.Command command) {
        sim.tellAt(time, sim.root(), command);
        return this;
    }

    SmallCluster runUntil(long time) {
        sim.runUntil(time);
        return this;
    }

    record At<E>(long time, E event) {}

    /** Every event of the type that matches, in log order, with its time. */
    <E extends Event> List<At<E>> all(Class<E> type, Predicate<E> filter) {
        List<At<E>> found = new ArrayList<>();
        for (LoggedEvent logged : sim.log().events()) {
            if (type.isInstance(logged.event()) && filter.test(type.cast(logged.event()))) {
                found.add(new At<>(logged.time(), type.cast(logged.event())));
            }
        }
        return found;
    }

    /** The time of the first matching event; the test fails if there is none. */
    <E extends Event> long first(Class<E> type, Predicate<E> filter) {
        return first(type, 0, filter);
    }

    /** The time of the first matching event at or after {@code from}; the test fails if there is none. */
    <E extends Event> long first(Class<E> type, long from, Predicate<E> filter) {
        return all(type, filter).stream().filter(a -> a.time() >= from).findFirst()
                .orElseThrow(() -> new AssertionError("no such " + type.getSimpleName())).time();
    }

    @Override
    public void close() {
        sim.close();
    }
}
