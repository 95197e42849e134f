package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.Kernel;
import io.flotilla.sim.kubernetes.ControlPlane;
import io.flotilla.sim.kubernetes.KubeEffects;
import io.flotilla.sim.kubernetes.KubeTimer;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The Kubernetes control plane's actor shell around {@link ControlPlane} (API server, controllers,
 * kube-scheduler), for the kubernetes strategy. It speaks the Swarm manager's protocol, {@link
 * Manager.Command} (kubelet status posts arrive as heartbeats, pod statuses as task reports), so the
 * wire, the fabric and the node agents work with it unchanged, plus its own {@link Command}s; its
 * message type is therefore {@code Object}, narrowed to {@code Manager.Command} for the wire. As
 * with Swarm, the control plane needs a quorum of managers (etcd's): without one it rejects operator
 * commands and holds its timers back.
 */
public final class KubernetesManager extends AbstractBehavior<Object> {

    /** This manager's own messages. */
    public sealed interface Command {}

    /** Creates or replaces a service's Deployment, with its Kubernetes-only pod inputs. */
    public record Deploy(ServiceSpec service, KubernetesPodSpec pods) implements Command {}

    private record TimerFired(KubeTimer timer) implements Command {}

    /** What kubectl answers when the API server cannot reach a quorum of etcd members. */
    static final String NO_QUORUM = "etcdserver: request timed out";

    private final Wire wire;
    private final Kernel kernel;
    private final TimerScheduler<Object> timers;
    private final ControlPlane plane;
    private final Leadership<KubeTimer> leadership;

    public static Behavior<Object> create(Wire wire, Kernel kernel, ClusterSetup setup) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new KubernetesManager(ctx, wire, kernel, setup, timers)));
    }

    private KubernetesManager(ActorContext<Object> ctx, Wire wire, Kernel kernel, ClusterSetup setup,
            TimerScheduler<Object> timers) {
        super(ctx);
        this.wire = wire;
        this.kernel = kernel;
        this.timers = timers;
        this.leadership = new Leadership<>(kernel.log(), NO_QUORUM, this::fire, timer -> false);
        this.plane = new ControlPlane(new Effects(), setup.kubernetes(), kernel.random()::stream,
                image -> setup.images().apply(image).sizeBytes(), setup.explainTasks());
        plane.start();
    }

    @Override
    public Receive<Object> createReceive() {
        return newReceiveBuilder()
                .onMessage(Manager.Heartbeat.class, m -> run(() -> plane.heartbeat(m.node(), m.reportsSent(), m.assignmentsSeen())))
                .onMessage(Manager.TaskReports.class, m -> run(() -> plane.reports(m.node(), m.reports(), m.reportsSent())))
                .onMessage(Manager.Register.class, m -> run(() -> plane.register(m.node(), m.booted(), m.reports(), m.reportsSent())))
                .onMessage(Manager.LeaderElected.class, m -> onLeaderElected())
                .onMessageEquals(Manager.LeaderLost.INSTANCE, this::onLeaderLost)
                .onMessage(TimerFired.class, this::onTimer)
                .onMessage(Manager.AddNode.class, m -> run(() -> plane.addNode(m.spec(), m.availability())))
                .onMessage(Manager.RemoveNode.class, m -> operator("delete node " + m.node(), () -> plane.removeNode(m.node())))
                .onMessage(Manager.SetAvailability.class, m -> operator(
                        m.availability().name().toLowerCase() + " " + m.node(),
                        () -> plane.setAvailability(m.node(), m.availability())))
                .onMessage(Manager.Deploy.class, m -> operator("deploy " + m.service().name(),
                        () -> plane.deploy(m.service(), KubernetesPodSpec.NONE)))
                .onMessage(Deploy.class, m -> operator("deploy " + m.service().name(),
                        () -> plane.deploy(m.service(), m.pods())))
                .onMessage(Manager.Scale.class, m -> operator("scale " + m.service(),
                        () -> plane.scale(m.service(), m.replicas())))
                .onMessage(Manager.Update.class, m -> operator("update " + m.service(),
                        () -> plane.update(m.service(), m.image(), m.config(), m.force())))
                .build();
    }

    private Behavior<Object> run(Runnable call) {
        call.run();
        return this;
    }

    private Behavior<Object> operator(String command, Runnable call) {
        leadership.operator(command, call);
        return this;
    }

    private Behavior<Object> onTimer(TimerFired m) {
        leadership.timerFired(m.timer());
        return this;
    }

    private Behavior<Object> onLeaderLost() {
        leadership.lost();
        return this;
    }

    private Behavior<Object> onLeaderElected() {
        leadership.elected(plane::leaderElected);
        return this;
    }

    private void fire(KubeTimer timer) {
        plane.timer(timer);
    }

    /** What the control plane may do to the world. */
    private final class Effects implements KubeEffects {
        @Override
        public long now() {
            return kernel.now();
        }

        @Override
        public void log(Event event) {
            kernel.log().append(event);
        }

        @Override
        public void startTimer(KubeTimer timer, long delayNanos) {
            timers.startSingleTimer(timer, new TimerFired(timer), Duration.ofNanos(delayNanos));
        }

        @Override
        public void cancelTimer(KubeTimer timer) {
            timers.cancel(timer);
        }

        @Override
        public void assign(String node, long version, boolean full, List<Assignment> assignments) {
            wire.toNode(node, new NodeAgent.Assign(version, full, assignments));
        }

        @Override
        public void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports) {
            wire.toNode(node, new NodeAgent.HeartbeatAck(nextPeriodNanos, resendReports));
        }
    }
}
