package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.SecretChange;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.storage.VolumeSpec;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.ControlPlaneEffects;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.control.ServiceEndpoint;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.dataplane.DataPlane;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.Kernel;
import io.flotilla.sim.kernel.VirtualTimeScheduler;
import io.flotilla.sim.storage.Storage;
import io.flotilla.sim.swarm.ControlTimer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The manager: the actor shell around the cluster's control plane, Swarm's
 * ({@link io.flotilla.sim.swarm.ControlPlane}) or Kubernetes' API server, controllers and
 * kube-scheduler ({@link io.flotilla.sim.kubernetes.ControlPlane}). It turns messages and timers
 * into {@link ControlPlaneInputs} calls, and the control plane's effects into timers and messages
 * over the wire, and the Kubernetes storage's provisions, attaches and detaches into commands to the
 * {@link Storage}. A kubelet's status post arrives as a heartbeat and its pod statuses as task
 * reports, so the wire, the fabric and the node agents are the same for both.
 *
 * <p>Without a leader (raft's for Swarm, a quorum of etcd members for Kubernetes) it rejects
 * operator commands in the orchestrator's own words and holds its timers back until one is
 * elected; the store itself survives, as raft keeps it.
 */
public final class Manager extends AbstractBehavior<Manager.Command> {

    public sealed interface Command {}

    public record Heartbeat(String node, long reportsSent, long assignmentsSeen) implements Command {}

    public record TaskReports(String node, int host, List<TaskReport> reports, long reportsSent) implements Command {}

    public record Register(String node, boolean booted, List<TaskReport> reports, long reportsSent) implements Command {}

    /** A kubelet posts a pod's readiness, as its readiness probe decided it. */
    public record Readiness(String node, String taskId, boolean ready) implements Command {}

    public record LeaderElected(String leader) implements Command {}

    public enum LeaderLost implements Command { INSTANCE }

    public record AddNode(NodeSpec spec, Availability availability) implements Command {}

    public record SetAvailability(String node, Availability availability) implements Command {}

    /** Creates or updates a service; {@code pods} are its Kubernetes-only pod inputs, which Swarm ignores. */
    public record Deploy(ServiceSpec service, KubernetesPodSpec pods) implements Command {}

    public record Scale(String service, int replicas) implements Command {}

    /**
     * {@code docker service update}: a new image and update settings, each optional, applied to the
     * service as the manager knows it (a deploy it rejected changed nothing); for a statefulset, a new
     * rolling-update {@code partition} if given.
     */
    public record Update(String service, Optional<String> image, Optional<UpdateConfig> config, boolean force,
            OptionalInt partition, SecretChange secrets) implements Command {
        public Update(String service, Optional<String> image, Optional<UpdateConfig> config, boolean force) {
            this(service, image, config, force, OptionalInt.empty());
        }

        public Update(String service, Optional<String> image, Optional<UpdateConfig> config, boolean force,
                OptionalInt partition) {
            this(service, image, config, force, partition, SecretChange.NONE);
        }
    }

    /** Creates a statefulset or replaces its spec; {@code pods} are its Kubernetes-only pod inputs. */
    public record DeployStatefulSet(StatefulSetSpec set, KubernetesPodSpec pods) implements Command {}

    /** Kubernetes: {@code kubectl apply} of a StorageClass. */
    public record CreateStorageClass(StorageClassSpec spec) implements Command {}

    /** Kubernetes: {@code kubectl delete pod NAME --force --grace-period=0}. */
    public record ForceDelete(String task) implements Command {}

    /** Kubernetes: {@code kubectl taint nodes NODE node.kubernetes.io/out-of-service=nodeshutdown:NoExecute}. */
    public record OutOfService(String node) implements Command {}

    private record TimerFired(ControlPlaneTimer timer) implements Command {}

    private record FrequentTimerFired(ControlPlaneTimer timer, long generation) implements Command {}

    /** What kubectl answers when the API server cannot reach a quorum of etcd members. */
    static final String ETCD_NO_QUORUM = "etcdserver: request timed out";

    private final Wire wire;
    private final Kernel kernel;
    private final TimerScheduler<Command> timers;
    private final FrequentTimers frequentTimers;
    private final Leadership leadership;
    private final ControlPlaneInputs plane;
    private final ActorRef<DataPlane.Command> dataPlane;
    private final ActorRef<Storage.Command> storage;

    public static Behavior<Command> create(Wire wire, Kernel kernel, ClusterSetup setup, ActorRef<DataPlane.Command> dataPlane,
            ActorRef<Storage.Command> storage) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new Manager(ctx, wire, kernel, setup, timers, dataPlane,
                storage)));
    }

    private Manager(ActorContext<Command> ctx, Wire wire, Kernel kernel, ClusterSetup setup,
            TimerScheduler<Command> timers, ActorRef<DataPlane.Command> dataPlane, ActorRef<Storage.Command> storage) {
        super(ctx);
        this.wire = wire;
        this.dataPlane = dataPlane;
        this.storage = storage;
        this.kernel = kernel;
        this.timers = timers;
        if (setup.orchestrator() == ClusterSetup.Orchestrator.KUBERNETES) {
            this.leadership = new Leadership(kernel.log(), ETCD_NO_QUORUM, this::fire, timer -> false);
            io.flotilla.sim.kubernetes.ControlPlane kubernetes = new io.flotilla.sim.kubernetes.ControlPlane(
                    new Effects(), setup.kubernetes(), kernel.random()::stream,
                    image -> setup.images().apply(image).sizeBytes(), setup.explainTasks());
            kubernetes.start();
            this.plane = kubernetes;
        } else {
            // The dispatcher's deadline sweep is not held back: a new leader gives every node a new deadline.
            this.leadership = new Leadership(kernel.log(), Fabric.NO_LEADER, this::fire,
                    timer -> timer == ControlTimer.HeartbeatSweep.INSTANCE);
            this.plane = new io.flotilla.sim.swarm.ControlPlane(new Effects(), setup.swarm(), setup.networks(),
                    kernel.random().stream("dispatcher"), setup.explainTasks());
        }
        // Both are called outside the actor, but only while no actor runs (all share one thread).
        wire.answerQuietHeartbeats(plane::quietHeartbeat);
        ActorRef<Command> self = ctx.getSelf();
        this.frequentTimers = new FrequentTimers(VirtualTimeScheduler.of(ctx.getSystem()),
                timer -> leadership.leading() && plane.quietTimer(timer),
                (timer, generation) -> self.tell(new FrequentTimerFired(timer, generation)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Heartbeat.class, this::onHeartbeat)
                .onMessage(TaskReports.class, this::onTaskReports)
                .onMessage(Register.class, this::onRegister)
                .onMessage(Readiness.class, this::onReadiness)
                .onMessage(LeaderElected.class, this::onLeaderElected)
                .onMessageEquals(LeaderLost.INSTANCE, this::onLeaderLost)
                .onMessage(TimerFired.class, this::onTimer)
                .onMessage(FrequentTimerFired.class, this::onFrequentTimer)
                .onMessage(AddNode.class, this::onAddNode)
                .onMessage(SetAvailability.class, this::onSetAvailability)
                .onMessage(Deploy.class, this::onDeploy)
                .onMessage(Scale.class, this::onScale)
                .onMessage(Update.class, this::onUpdate)
                .onMessage(DeployStatefulSet.class, this::onDeployStatefulSet)
                .onMessage(CreateStorageClass.class, this::onCreateStorageClass)
                .onMessage(ForceDelete.class, this::onForceDelete)
                .onMessage(OutOfService.class, this::onOutOfService)
                .build();
    }

    private Behavior<Command> onHeartbeat(Heartbeat m) {
        plane.heartbeat(m.node(), m.reportsSent(), m.assignmentsSeen());
        return this;
    }

    private Behavior<Command> onTaskReports(TaskReports m) {
        plane.reports(m.host(), m.node(), m.reports(), m.reportsSent());
        return this;
    }

    private Behavior<Command> onRegister(Register m) {
        plane.register(m.node(), m.booted(), m.reports(), m.reportsSent());
        return this;
    }

    private Behavior<Command> onReadiness(Readiness m) {
        plane.readiness(m.node(), m.taskId(), m.ready());
        return this;
    }

    private Behavior<Command> onAddNode(AddNode m) {
        plane.addNode(m.spec(), m.availability());
        return this;
    }

    private Behavior<Command> onSetAvailability(SetAvailability m) {
        return operator(m.availability().name().toLowerCase() + " " + m.node(),
                () -> plane.setAvailability(m.node(), m.availability()));
    }

    private Behavior<Command> onDeploy(Deploy m) {
        return operator("deploy " + m.service().name(), () -> plane.deploy(m.service(), m.pods()));
    }

    private Behavior<Command> onScale(Scale m) {
        return operator("scale " + m.service(), () -> plane.scale(m.service(), m.replicas()));
    }

    private Behavior<Command> onUpdate(Update m) {
        if (!m.secrets().isEmpty()) {
            // --secret-add and --secret-rm: a service's, never a statefulset's (the file is refused).
            return operator("update " + m.service(), () -> plane.update(m.service(), m.image(), m.secrets(), m.config(), m.force()));
        }
        return operator("update " + m.service(),
                () -> plane.update(m.service(), m.image(), m.config(), m.force(), m.partition()));
    }

    private Behavior<Command> onDeployStatefulSet(DeployStatefulSet m) {
        return operator("deploy " + m.set().name(), () -> plane.deployStatefulSet(m.set(), m.pods()));
    }

    private Behavior<Command> onCreateStorageClass(CreateStorageClass m) {
        return operator("create storageclass " + m.spec().name(), () -> plane.createStorageClass(m.spec()));
    }

    private Behavior<Command> onForceDelete(ForceDelete m) {
        return operator("force_delete " + m.task(), () -> plane.forceDelete(m.task()));
    }

    private Behavior<Command> onOutOfService(OutOfService m) {
        return operator("out_of_service " + m.node(), () -> plane.outOfService(m.node()));
    }

    /** An operator command runs only with a leader; without one it is rejected. */
    private Behavior<Command> operator(String command, Runnable call) {
        leadership.operator(command, call);
        return this;
    }

    private Behavior<Command> onTimer(TimerFired m) {
        leadership.timerFired(m.timer());
        return this;
    }

    private Behavior<Command> onFrequentTimer(FrequentTimerFired m) {
        if (frequentTimers.delivered(m.timer(), m.generation())) {
            leadership.timerFired(m.timer());
        }
        return this;
    }

    private Behavior<Command> onLeaderLost() {
        leadership.lost();
        return this;
    }

    private Behavior<Command> onLeaderElected(LeaderElected m) {
        leadership.elected(plane::leaderElected);
        return this;
    }

    private void fire(ControlPlaneTimer timer) {
        plane.timer(timer);
    }

    /** What the control plane may do to the world. */
    private final class Effects implements ControlPlaneEffects {
        @Override
        public long now() {
            return kernel.now();
        }

        @Override
        public void log(Event event) {
            kernel.log().append(event);
        }

        @Override
        public void startTimer(ControlPlaneTimer timer, long delayNanos) {
            if (timer.frequent()) {
                frequentTimers.start(timer, delayNanos);
            } else {
                timers.startSingleTimer(timer, new TimerFired(timer), Duration.ofNanos(delayNanos));
            }
        }

        @Override
        public void cancelTimer(ControlPlaneTimer timer) {
            if (timer.frequent()) {
                frequentTimers.cancel(timer);
            } else {
                timers.cancel(timer);
            }
        }

        @Override
        public void assign(String node, long version, boolean full, List<Assignment> assignments) {
            wire.toNode(node, new NodeAgent.Assign(version, full, assignments));
        }

        @Override
        public void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports) {
            wire.toNode(node, new NodeAgent.HeartbeatAck(nextPeriodNanos, resendReports));
        }

        @Override
        public void serviceDeclared(ServiceSpec spec, SortedMap<String, String> vips) {
            dataPlane.tell(new DataPlane.ServiceDeclared(spec, vips));
        }

        @Override
        public void taskAddressed(String taskId, SortedMap<String, String> addresses) {
            dataPlane.tell(new DataPlane.TaskAddresses(taskId, addresses));
        }

        @Override
        public void endpointsChanged(String service, List<ServiceEndpoint> endpoints) {
            dataPlane.tell(new DataPlane.EndpointsChanged(service, endpoints));
        }

        @Override
        public void volumeProvisioned(VolumeSpec spec, Optional<String> node) {
            storage.tell(new Storage.Declare(spec));
            storage.tell(new Storage.Provision(spec.name(), node));
        }

        @Override
        public void volumeAttached(String volume, String node) {
            storage.tell(new Storage.Attach(volume, node));
        }

        @Override
        public void volumeDetached(String volume) {
            storage.tell(new Storage.Detach(volume, Optional.empty()));
        }

        @Override
        public void volumeDeleted(String volume) {
            storage.tell(new Storage.Delete(volume, Optional.empty()));
        }
    }
}
