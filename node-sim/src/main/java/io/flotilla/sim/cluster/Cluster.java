package io.flotilla.sim.cluster;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.storage.NodeDisk;
import io.flotilla.sim.dataplane.DataPlane;
import io.flotilla.sim.dataplane.DataPlaneSetup;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.RegistryStateChanged;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.kernel.Kernel;
import io.flotilla.sim.storage.Storage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The root of a simulated cluster: it builds the data plane, the fabric, the manager, the storage and
 * one agent per node, and takes the scenario's timeline: faults go to the nodes, the network (and
 * the registries the nodes pull from) and the storage (a node's crash takes its disk with it),
 * operator commands to the manager, backups and restores to the storage. A fault that changes
 * nothing (a crash of a node already down, a restart of a node that is up, a kill or a health
 * change of a task no node runs, a pause of a paused container) is logged as {@link
 * ActionIgnored}, so that a timeline that does less than it says shows it.
 */
public final class Cluster extends AbstractBehavior<Cluster.Command> {

    public sealed interface Command {}

    public record Crash(String node) implements Command {}

    public record Boot(String node) implements Command {}

    public record KillTask(String taskName) implements Command {}

    /** An operator runs {@code docker VERB} on the container of the task, on whichever node runs it. */
    public record OperateContainer(String taskName, ContainerVerb verb) implements Command {}

    /** The task's health check (readiness probe) starts failing ({@code healthy} false) or passes again. */
    public record Health(String taskName, boolean healthy) implements Command {}

    public record Network(Fabric.Command change) implements Command {}

    /** A storage operation of the timeline ({@code backup}, {@code restore}). */
    public record Volumes(Storage.Command command) implements Command {}
    /** A registry stops answering ({@code up} false) or answers again; every node hears of it. */
    public record Registry(String registry, boolean up) implements Command {}

    /**
     * {@code docker volume prune} on {@code node}'s engine: {@code all} is {@code --all}, and
     * {@code matching} the volume names its {@code --filter label=...} lets through.
     */
    public record PruneVolumes(String node, boolean all, Set<String> matching) implements Command {}

    /**
     * The firewall in front of {@code node} starts dropping ({@code drop}) inbound packets matching
     * {@code rules}, or lets them in again.
     */
    public record Firewall(String node, boolean drop, List<FirewallRule> rules) implements Command {}

    public record Operator(Manager.Command command) implements Command {}

    /** Deploys a service; {@code pods} are its Kubernetes-only pod inputs, which the swarm strategy ignores. */
    public record Deploy(ServiceSpec service, KubernetesPodSpec pods) implements Command {}

    private record Answered(long request, boolean found) implements Command {}

    private record Operated(long request, boolean found, Optional<String> refusal) implements Command {}

    /** A {@code kill_task}, {@code unhealthy} or {@code healthy} waiting for every node's answer. */
    private static final class PendingAsk {
        final String action;
        final String task;
        int unanswered;
        boolean found;
        /** Why a node that has the container did nothing with it; the first node's reason wins. */
        Optional<String> refusal = Optional.empty();

        PendingAsk(String action, String task, int nodes) {
            this.action = action;
            this.task = task;
            this.unanswered = nodes;
        }
    }

    static final String KILL_ERROR = "task: non-zero exit (137)";

    private final EventLog log;
    private final ActorRef<Fabric.Command> fabric;
    private final ActorRef<Manager.Command> manager;
    private final ActorRef<Storage.Command> storage;
    private final ActorRef<DataPlane.Command> dataPlane;
    private final Map<String, ActorRef<NodeAgent.Command>> agents = new LinkedHashMap<>();
    /** The nodes crashed and not restarted since: every node starts up, and only this actor crashes and boots them. */
    private final Set<String> down = new HashSet<>();
    /** The registries that are down: every registry starts up. */
    private final Set<String> registriesDown = new HashSet<>();
    /** The nodes where {@link #controlPort} is listened on: Swarm's managers, or the API server's node. */
    private final Set<String> controlHosts;
    /** Where the managers (Swarm) or the API server (Kubernetes) listen for the nodes. */
    private final FirewallRule controlPort;
    private final ActorRef<NodeAgent.KillAnswer> killAnswers;
    private final ActorRef<NodeAgent.HealthAnswer> healthAnswers;
    private final ActorRef<NodeAgent.OperateAnswer> operateAnswers;
    private final Map<Long, PendingAsk> asks = new HashMap<>();
    private long lastAsk;

    public static Behavior<Command> create(ClusterSetup setup, Kernel kernel) {
        return Behaviors.setup(ctx -> new Cluster(ctx, setup, kernel));
    }

    private Cluster(ActorContext<Command> ctx, ClusterSetup setup, Kernel kernel) {
        super(ctx);
        this.log = kernel.log();
        List<String> hosts = setup.nodes().stream().map(n -> n.spec().name()).toList();
        List<String> managers = setup.nodes().stream()
                .filter(n -> n.spec().role() == NodeRole.MANAGER)
                .map(n -> n.spec().name())
                .toList();
        boolean kubernetes = setup.orchestrator() == ClusterSetup.Orchestrator.KUBERNETES;
        this.controlPort = kubernetes ? FirewallRule.KUBE_APISERVER : FirewallRule.SWARM_MANAGER;
        // Swarm's nodes reach whichever manager leads; the kubelets one API server (see apiServer)
        this.controlHosts = kubernetes ? Set.of(apiServer(hosts, managers)) : Set.copyOf(managers);
        Wire wire = new Wire(hosts, controlPort, kubernetes ? Optional.of(apiServer(hosts, managers)) : Optional.empty());
        dataPlane = ctx.spawn(DataPlane.create(dataPlaneSetup(setup, managers), kernel), "data-plane");
        storage = ctx.spawn(Storage.create(setup.storage(), kernel, wire.topology::canReach), "storage");
        // etcd's peer port is not simulated: only Swarm's raft goes through the control port
        Optional<FirewallRule> raftPort = kubernetes ? Optional.empty() : Optional.of(controlPort);
        fabric = ctx.spawn(Fabric.create(wire, managers, raftPort, kernel.log(), kernel.random().stream("raft"), dataPlane,
                storage), "fabric");
        manager = ctx.spawn(Manager.create(wire, kernel, setup, dataPlane, storage), "manager");
        setup.nodes().forEach(n -> manager.tell(new Manager.AddNode(n.spec(), n.availability())));
        SplittableRandom offsets = kernel.random().stream("heartbeat-offsets");
        long period = kubernetes ? setup.kubernetes().nodeStatusUpdateFrequency() : setup.swarm().heartbeatPeriodNanos();
        for (NodeSetup n : setup.nodes()) {
            long firstBeat = offsets.nextLong(period / 1_000_000) * 1_000_000;
            String name = n.spec().name();
            agents.put(name, ctx.spawn(kubernetes
                    ? NodeAgent.kubelet(name, wire, kernel.log(), setup.images(), n.pullBytesPerSecond(), period, firstBeat,
                            dataPlane, storage, new NodeDisk(n.disk(), n.storageDriver()))
                    : NodeAgent.create(name, wire, kernel.log(), setup.images(), n.pullBytesPerSecond(), period, firstBeat,
                            dataPlane, storage, new NodeDisk(n.disk(), n.storageDriver())),
                    "node-" + name));
        }
        wire.attach(manager, agents);
        killAnswers = ctx.messageAdapter(NodeAgent.KillAnswer.class, a -> new Answered(a.request(), a.killed()));
        healthAnswers = ctx.messageAdapter(NodeAgent.HealthAnswer.class, a -> new Answered(a.request(), a.found()));
        operateAnswers = ctx.messageAdapter(NodeAgent.OperateAnswer.class, a -> new Operated(a.request(), a.found(), a.refusal()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Crash.class, this::onCrash)
                .onMessage(Boot.class, this::onBoot)
                .onMessage(KillTask.class, this::onKill)
                .onMessage(Health.class, this::onHealth)
                .onMessage(Answered.class, this::onAnswered)
                .onMessage(OperateContainer.class, this::onOperateContainer)
                .onMessage(Operated.class, this::onOperated)
                .onMessage(Network.class, this::onNetwork)
                .onMessage(Volumes.class, this::onVolumes)
                .onMessage(Registry.class, this::onRegistry)
                .onMessage(PruneVolumes.class, this::onPruneVolumes)
                .onMessage(Firewall.class, this::onFirewall)
                .onMessage(Operator.class, this::onOperator)
                .onMessage(Deploy.class, this::onDeploy)
                .build();
    }

    private Behavior<Command> onNetwork(Network m) {
        fabric.tell(m.change());
        return this;
    }

    private Behavior<Command> onVolumes(Volumes m) {
        storage.tell(m.command());
        return this;
    }

    /** Logged, then told to every node, up or down: a node that boots later pulls as the registry is then. */
    private Behavior<Command> onRegistry(Registry m) {
        boolean changed = m.up() ? registriesDown.remove(m.registry()) : registriesDown.add(m.registry());
        if (!changed) {
            return ignored(m.up() ? "registry_up" : "registry_down", m.registry(),
                    m.registry() + " is already " + (m.up() ? "up" : "down"));
        }
        log.append(new RegistryStateChanged(m.registry(), m.up()));
        agents.values().forEach(a -> a.tell(new NodeAgent.RegistryChanged(m.registry(), m.up())));
        return this;
    }

    /** Only the node's own engine prunes its volumes; a node that is down has none to answer. */
    private Behavior<Command> onPruneVolumes(PruneVolumes m) {
        if (down.contains(m.node())) {
            return ignored("volume_prune", m.node(), m.node() + " is down: no engine answers docker volume prune");
        }
        agents.get(m.node()).tell(new NodeAgent.PruneVolumes(m.all(), m.matching()));
        return this;
    }

    /**
     * The data plane applies and logs every rule; the control plane's port reaches the fabric too. That
     * port on a node where nothing listens on it (a worker) changes nothing.
     */
    private Behavior<Command> onFirewall(Firewall m) {
        List<FirewallRule> rules = new ArrayList<>();
        for (FirewallRule rule : m.rules()) {
            if (rule.equals(controlPort) && !controlHosts.contains(m.node())) {
                String why = rule.equals(FirewallRule.KUBE_APISERVER)
                        ? m.node() + " runs no API server: the kubelets and kube-proxies reach " + controlHosts.iterator().next() + "'s"
                        : m.node() + " is no manager, and nothing listens on " + rule + " there";
                log.append(new ActionIgnored("firewall", m.node(), (m.drop() ? "drop " : "accept ") + rule + ": " + why));
            } else {
                rules.add(rule);
            }
        }
        if (rules.isEmpty()) {
            return this;
        }
        dataPlane.tell(new DataPlane.Firewall(m.node(), m.drop(), rules));
        if (rules.contains(controlPort)) {
            fabric.tell(new Fabric.Firewall(m.node(), m.drop(), controlPort));
        }
        return this;
    }

    private Behavior<Command> onOperator(Operator m) {
        manager.tell(m.command());
        return this;
    }

    private Behavior<Command> onDeploy(Deploy m) {
        manager.tell(new Manager.Deploy(m.service(), m.pods()));
        return this;
    }

    private Behavior<Command> onCrash(Crash m) {
        if (!down.add(m.node())) {
            return ignored("crash", m.node(), m.node() + " is already down");
        }
        agents.get(m.node()).tell(NodeAgent.Crash.INSTANCE);
        fabric.tell(new Fabric.HostDown(m.node()));
        storage.tell(new Storage.NodeDown(m.node()));
        return this;
    }

    private Behavior<Command> onBoot(Boot m) {
        if (!down.remove(m.node())) {
            return ignored("restart", m.node(), m.node() + " is already up");
        }
        fabric.tell(new Fabric.HostUp(m.node()));
        agents.get(m.node()).tell(NodeAgent.Boot.INSTANCE);
        storage.tell(new Storage.NodeUp(m.node()));
        return this;
    }

    /** Every node is asked, as the container may be anywhere; the last answer tells whether one was. */
    private Behavior<Command> onKill(KillTask m) {
        if (agents.isEmpty()) {
            return ignored("kill_task", m.taskName(), "no node runs " + m.taskName());
        }
        long kill = ask("kill_task", m.taskName());
        agents.values().forEach(a -> a.tell(new NodeAgent.KillTask(kill, m.taskName(), KILL_ERROR, killAnswers)));
        return this;
    }

    /** The task's application starts failing (or passes again) wherever a container of it runs. */
    private Behavior<Command> onHealth(Health m) {
        String action = m.healthy() ? "healthy" : "unhealthy";
        if (agents.isEmpty()) {
            return ignored(action, m.taskName(), "no node runs " + m.taskName());
        }
        long request = ask(action, m.taskName());
        agents.values().forEach(a -> a.tell(new NodeAgent.SetHealth(request, m.taskName(), m.healthy(), healthAnswers)));
        return this;
    }

    /** Every node is asked; the container is wherever its task runs. */
    private Behavior<Command> onOperateContainer(OperateContainer m) {
        String action = m.verb().keyword();
        if (agents.isEmpty()) {
            return ignored(action, m.taskName(), "no node runs " + m.taskName());
        }
        long request = ask(action, m.taskName());
        agents.values().forEach(a -> a.tell(new NodeAgent.Operate(request, m.taskName(), m.verb(), operateAnswers)));
        return this;
    }

    /** The verb did something if some node acted; else the reason of the first node that has the container. */
    private Behavior<Command> onOperated(Operated m) {
        PendingAsk pending = asks.get(m.request());
        pending.found |= m.found() && m.refusal().isEmpty();
        if (pending.refusal.isEmpty()) {
            pending.refusal = m.refusal();
        }
        if (--pending.unanswered > 0) {
            return this;
        }
        asks.remove(m.request());
        return pending.found ? this : ignored(pending.action, pending.task,
                pending.refusal.orElse("no node runs " + pending.task));
    }

    private long ask(String action, String task) {
        long request = ++lastAsk;
        asks.put(request, new PendingAsk(action, task, agents.size()));
        return request;
    }

    private Behavior<Command> onAnswered(Answered m) {
        PendingAsk pending = asks.get(m.request());
        pending.found |= m.found();
        if (--pending.unanswered > 0) {
            return this;
        }
        asks.remove(m.request());
        return pending.found ? this : ignored(pending.action, pending.task, "no node runs " + pending.task);
    }

    private Behavior<Command> ignored(String action, String target, String reason) {
        log.append(new ActionIgnored(action, target, reason));
        return this;
    }

    /** Kubernetes' kube-proxies watch the API server on the first manager (or the first node). */
    private static DataPlaneSetup dataPlaneSetup(ClusterSetup setup, List<String> managers) {
        List<String> hosts = setup.nodes().stream().map(n -> n.spec().name()).toList();
        Optional<String> apiServer = setup.orchestrator() == ClusterSetup.Orchestrator.KUBERNETES
                ? Optional.of(apiServer(hosts, managers))
                : Optional.empty();
        return new DataPlaneSetup(hosts, apiServer, setup.networks(), setup.traffic(), setup.dataPlane());
    }

    /** The node whose API server the kubelets and kube-proxies reach: the first manager, or the first node. */
    private static String apiServer(List<String> hosts, List<String> managers) {
        return managers.isEmpty() ? hosts.get(0) : managers.get(0);
    }
}
