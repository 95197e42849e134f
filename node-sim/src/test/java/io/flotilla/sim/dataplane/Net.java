package io.flotilla.sim.dataplane;

import io.flotilla.network.driver.Driver;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.HealthCheck;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.ClusterSetup;
import io.flotilla.sim.cluster.Fabric;
import io.flotilla.sim.cluster.Image;
import io.flotilla.sim.cluster.NodeSetup;
import io.flotilla.sim.control.NetworkSetup;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.kernel.Simulation;
import io.flotilla.sim.kubernetes.KubernetesSettings;
import io.flotilla.sim.swarm.SwarmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A cluster with networks and traffic for the data plane's tests, run in virtual time: nodes by name
 * (the first a manager), images that pull at once and start in a second, heartbeats every 5s
 * exactly, services built fluently, traffic clients, and a timeline of cluster commands. Reads the
 * log back by event type.
 */
final class Net implements AutoCloseable {

    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    private final ClusterSetup.Orchestrator orchestrator;
    private final List<String> nodes;
    private final List<NetworkSetup> networks = new ArrayList<>();
    private final List<TrafficClient> clients = new ArrayList<>();
    private final List<ServiceSpec> services = new ArrayList<>();
    private final List<Timed> timeline = new ArrayList<>();
    private DataPlaneSettings settings = DataPlaneSettings.DEFAULT;
    private long seed = 1;
    private Simulation<Cluster.Command> sim;

    private record Timed(long time, Cluster.Command command) {}

    private Net(ClusterSetup.Orchestrator orchestrator, List<String> nodes) {
        this.orchestrator = orchestrator;
        this.nodes = nodes;
    }

    static Net swarm(String... nodes) {
        return new Net(ClusterSetup.Orchestrator.SWARM, List.of(nodes));
    }

    static Net kubernetes(String... nodes) {
        return new Net(ClusterSetup.Orchestrator.KUBERNETES, List.of(nodes));
    }

    Net seed(long s) {
        seed = s;
        return this;
    }

    Net overlay(String name) {
        networks.add(new NetworkSetup(name, Driver.OVERLAY, Optional.empty(), false));
        return this;
    }

    Net network(String name, Driver driver, String subnet) {
        networks.add(new NetworkSetup(name, driver, Optional.ofNullable(subnet), false));
        return this;
    }

    Net settings(DataPlaneSettings s) {
        settings = s;
        return this;
    }

    Net service(Service s) {
        services.add(s.spec());
        return this;
    }

    /** A client from a node (null: outside) on a network (null: none) sending {@code rate} a second from {@code start} to {@code stop}. */
    Net client(String name, String from, String network, String target, double rate, long start, long stop, long timeout) {
        clients.add(new TrafficClient(name, Optional.ofNullable(from), Optional.ofNullable(network), target, rate, start, stop,
                timeout));
        return this;
    }

    Net at(long time, Cluster.Command command) {
        timeline.add(new Timed(time, command));
        return this;
    }

    Net crash(long time, String node) {
        return at(time, new Cluster.Crash(node));
    }

    Net boot(long time, String node) {
        return at(time, new Cluster.Boot(node));
    }

    Net linkDown(long time, String a, String b) {
        return at(time, new Cluster.Network(new Fabric.LinkDown(a, b)));
    }

    Net partition(long time, List<List<String>> groups) {
        return at(time, new Cluster.Network(new Fabric.Partition(groups)));
    }

    Net heal(long time) {
        return at(time, new Cluster.Network(Fabric.Heal.INSTANCE));
    }

    Net health(long time, String task, boolean healthy) {
        return at(time, new Cluster.Health(task, healthy));
    }

    Net run(long until) {
        List<NodeSetup> setups = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            setups.add(new NodeSetup(new NodeSpec(nodes.get(i), i == 0 ? NodeRole.MANAGER : NodeRole.WORKER,
                    Resources.of(8, 16L << 30), new TreeMap<>(), new TreeMap<>(), new Platform("linux", "amd64"), List.of()),
                    Availability.ACTIVE, 0));
        }
        ClusterSetup setup = new ClusterSetup(setups, networks, image -> new Image(image, 0, S, OptionalLong.empty()),
                orchestrator, new SwarmSettings(5 * S, 0, 3), KubernetesSettings.DEFAULT, Set.of(), clients, settings);
        sim = Simulation.start("data-plane-test", seed, kernel -> Cluster.create(setup, kernel));
        for (ServiceSpec s : services) {
            sim.tellAt(0, sim.root(), new Cluster.Deploy(s, KubernetesPodSpec.NONE));
        }
        for (Timed t : timeline) {
            sim.tellAt(t.time(), sim.root(), t.command());
        }
        sim.runUntil(until);
        return this;
    }

    record At<E>(long time, E event) {}

    <E extends Event> List<At<E>> all(Class<E> type) {
        return all(type, e -> true);
    }

    <E extends Event> List<At<E>> all(Class<E> type, Predicate<E> filter) {
        List<At<E>> found = new ArrayList<>();
        for (LoggedEvent logged : sim.log().events()) {
            if (type.isInstance(logged.event()) && filter.test(type.cast(logged.event()))) {
                found.add(new At<>(logged.time(), type.cast(logged.event())));
            }
        }
        return found;
    }

    /** What {@code node} answered for {@code name} on {@code network} at {@code at}: the tasks (the VIP for a VIP name), in address order. */
    List<String> dns(String node, String network, String name, long at) {
        List<String> answer = List.of();
        for (At<io.flotilla.sim.events.DnsAnswersChanged> a : all(io.flotilla.sim.events.DnsAnswersChanged.class,
                e -> e.node().equals(node) && e.network().equals(network) && e.name().equals(name))) {
            if (a.time() <= at) {
                answer = a.event().tasks().isEmpty() ? a.event().addresses() : a.event().tasks();
            }
        }
        return answer;
    }

    /** Every window of a client, in order. */
    List<io.flotilla.sim.events.TrafficCounted> windows(String client) {
        return all(io.flotilla.sim.events.TrafficCounted.class, e -> e.client().equals(client)).stream().map(At::event).toList();
    }

    /** A client's totals over the windows that start in [from, to): sent, served, and failures by reason. */
    java.util.SortedMap<String, Long> totals(String client, long from, long to) {
        java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
        for (io.flotilla.sim.events.TrafficCounted w : windows(client)) {
            if (w.from() >= from && w.from() < to) {
                out.merge("sent", w.sent(), Long::sum);
                out.merge("served", w.served(), Long::sum);
                w.failed().forEach((k, v) -> out.merge(k, v, Long::sum));
            }
        }
        return out;
    }

    /** The task id of the task (or pod) of a slot that a service created n-th ({@code web.2#1} is the first of slot 2). */
    String task(String name, int nth) {
        return all(io.flotilla.sim.events.TaskCreated.class, e -> e.name().equals(name)).get(nth - 1).event().task();
    }

    String json() {
        return sim.log().toJsonLines();
    }

    Simulation<Cluster.Command> sim() {
        return sim;
    }

    @Override
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }

    /** A service built fluently: replicated, on no network, placed on workers only. */
    static final class Service {
        private final String name;
        private int replicas = 1;
        private EndpointMode mode = EndpointMode.VIP;
        private final List<String> networks = new ArrayList<>();
        private final List<PortConfig> ports = new ArrayList<>();
        private Optional<HealthCheck> healthcheck = Optional.empty();
        private long stopGrace = TaskSpec.DEFAULT_STOP_GRACE_NANOS;
        private List<String> constraints = List.of("node.role == worker");

        private Service(String name) {
            this.name = name;
        }

        static Service named(String name) {
            return new Service(name);
        }

        Service replicas(int n) {
            replicas = n;
            return this;
        }

        Service dnsrr() {
            mode = EndpointMode.DNSRR;
            return this;
        }

        Service on(String... nets) {
            networks.addAll(List.of(nets));
            return this;
        }

        Service publish(int published, int target) {
            ports.add(new PortConfig("tcp", target, published, io.flotilla.scheduler.model.PublishMode.INGRESS));
            return this;
        }

        Service publishHost(int published, int target) {
            ports.add(new PortConfig("tcp", target, published, io.flotilla.scheduler.model.PublishMode.HOST));
            return this;
        }

        Service healthcheck(long interval, long timeout, int retries, long startPeriod) {
            healthcheck = Optional.of(new HealthCheck(interval, timeout, retries, startPeriod));
            return this;
        }

        Service stopGrace(long nanos) {
            stopGrace = nanos;
            return this;
        }

        Service anywhere() {
            constraints = List.of();
            return this;
        }

        Service constrained(String constraint) {
            constraints = List.of(constraint);
            return this;
        }

        ServiceSpec spec() {
            TaskSpec task = new TaskSpec("nginx:1.27", Resources.NONE, Resources.NONE,
                    new Placement(constraints, List.of(), 0, List.of()), ports, networks, RestartPolicy.DEFAULT, healthcheck,
                    stopGrace);
            return new ServiceSpec(name, ServiceMode.REPLICATED, replicas, task, UpdateConfig.DEFAULT, UpdateConfig.DEFAULT,
                    mode);
        }
    }
}
