package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.sim.kernel.Kernel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The root of a simulated cluster: it builds the fabric, the manager and one agent per node, and
 * takes the scenario's timeline: faults go to the nodes and the network, operator commands to the
 * manager.
 */
public final class Cluster extends AbstractBehavior<Cluster.Command> {

    public sealed interface Command {}

    public record Crash(String node) implements Command {}

    public record Boot(String node) implements Command {}

    public record KillTask(String taskName) implements Command {}

    public record Network(Fabric.Command change) implements Command {}

    public record Operator(Manager.Command command) implements Command {}

    /** Deploys a service; {@code pods} are its Kubernetes-only pod inputs, which the swarm strategy ignores. */
    public record Deploy(ServiceSpec service, KubernetesPodSpec pods) implements Command {}

    private final ActorRef<Fabric.Command> fabric;
    private final ActorRef<Manager.Command> manager;
    /** The Kubernetes manager, when the cluster runs the kubernetes strategy (the same actor as {@code manager}). */
    private final ActorRef<Object> kubernetes;
    private final Map<String, ActorRef<NodeAgent.Command>> agents = new LinkedHashMap<>();

    public static Behavior<Command> create(ClusterSetup setup, Kernel kernel) {
        return Behaviors.setup(ctx -> new Cluster(ctx, setup, kernel));
    }

    private Cluster(ActorContext<Command> ctx, ClusterSetup setup, Kernel kernel) {
        super(ctx);
        List<String> hosts = setup.nodes().stream().map(n -> n.spec().name()).toList();
        List<String> managers = setup.nodes().stream()
                .filter(n -> n.spec().role() == NodeRole.MANAGER)
                .map(n -> n.spec().name())
                .toList();
        Wire wire = new Wire(hosts);
        fabric = ctx.spawn(Fabric.create(wire, managers, kernel.log(), kernel.random().stream("raft")), "fabric");
        boolean kube = setup.orchestrator() == ClusterSetup.Orchestrator.KUBERNETES;
        if (kube) {
            kubernetes = ctx.spawn(KubernetesManager.create(wire, kernel, setup), "manager");
            manager = kubernetes.narrow();
        } else {
            kubernetes = null;
            manager = ctx.spawn(Manager.create(wire, kernel, setup), "manager");
        }
        setup.nodes().forEach(n -> manager.tell(new Manager.AddNode(n.spec(), n.availability())));
        SplittableRandom offsets = kernel.random().stream("heartbeat-offsets");
        long period = kube ? setup.kubernetes().nodeStatusUpdateFrequency() : setup.swarm().heartbeatPeriodNanos();
        for (NodeSetup n : setup.nodes()) {
            long firstBeat = offsets.nextLong(period / 1_000_000) * 1_000_000;
            String name = n.spec().name();
            agents.put(name, ctx.spawn(kube
                    ? NodeAgent.kubelet(name, wire, kernel.log(), setup.images(), n.pullBytesPerSecond(), period, firstBeat)
                    : NodeAgent.create(name, wire, kernel.log(), setup.images(), n.pullBytesPerSecond(), period, firstBeat),
                    "node-" + name));
        }
        wire.attach(manager, agents);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Crash.class, this::onCrash)
                .onMessage(Boot.class, this::onBoot)
                .onMessage(KillTask.class, this::onKill)
                .onMessage(Network.class, m -> forward(fabric, m.change()))
                .onMessage(Operator.class, m -> forward(manager, m.command()))
                .onMessage(Deploy.class, this::onDeploy)
                .build();
    }

    private Behavior<Command> onCrash(Crash m) {
        agents.get(m.node()).tell(NodeAgent.Crash.INSTANCE);
        fabric.tell(new Fabric.HostDown(m.node()));
        return this;
    }

    private Behavior<Command> onBoot(Boot m) {
        fabric.tell(new Fabric.HostUp(m.node()));
        agents.get(m.node()).tell(NodeAgent.Boot.INSTANCE);
        return this;
    }

    private Behavior<Command> onDeploy(Deploy m) {
        if (kubernetes != null) {
            kubernetes.tell(new KubernetesManager.Deploy(m.service(), m.pods()));
        } else {
            manager.tell(new Manager.Deploy(m.service()));
        }
        return this;
    }

    private Behavior<Command> onKill(KillTask m) {
        agents.values().forEach(a -> a.tell(new NodeAgent.KillTask(m.taskName(), "task: non-zero exit (137)")));
        return this;
    }

    private <M> Behavior<Command> forward(ActorRef<M> target, M message) {
        target.tell(message);
        return this;
    }
}
