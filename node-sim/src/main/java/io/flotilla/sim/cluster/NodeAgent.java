package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The agent on one simulated node: it heartbeats to the manager, runs the tasks it is assigned
 * through swarmkit's agent states (accepted, preparing while the image is pulled, ready,
 * starting, running), reports every change, and stops them when told. A crash kills every
 * container at once and silences the node until it boots again, empty.
 *
 * <p>As a kubelet ({@link #kubelet}) it runs the same lifecycle, but restarts an exited container in
 * place, on the same node, after the CrashLoopBackOff delay (the task's state goes from failed back
 * to starting: the pod is the same, its container is new), and confirms at once the deletion of a
 * pod it has no container for. What differs is its {@link AgentKind}.
 */
public final class NodeAgent extends AbstractBehavior<NodeAgent.Command> {

    public sealed interface Command {}

    /** The node stops dead. */
    public enum Crash implements Command { INSTANCE }

    /** The node boots (again) and registers with the manager. */
    public enum Boot implements Command { INSTANCE }

    /** Assignments from the manager: all of them, or the ones that changed. */
    public record Assign(long version, boolean full, List<Assignment> assignments) implements Command {}

    /** The manager's answer to a heartbeat. */
    public record HeartbeatAck(long nextPeriodNanos, boolean resendReports) implements Command {}

    /**
     * The container of the named task (for example {@code web.2}) exits with an error, if the node
     * runs one; either way the node answers {@code replyTo}.
     */
    public record KillTask(long request, String taskName, String error, ActorRef<KillAnswer> replyTo) implements Command {}

    /** Whether the node ran the container that the {@link KillTask} {@code request} was for. */
    public record KillAnswer(long request, boolean killed) {}

    private enum SendHeartbeat implements Command { INSTANCE }

    private record StepDone(String taskId, TaskState reached) implements Command {}

    private record ContainerExit(String taskId, String error) implements Command {}

    private record RestartContainer(String taskId) implements Command {}

    private static final class Container {
        Task task;
        TaskState state;
        TaskState desired;
        /** Exited, and to start again in place when its back-off is over (a kubelet's container only). */
        boolean awaitingRestart;

        Container(Task task, TaskState desired) {
            this.task = task;
            this.state = TaskState.ASSIGNED;
            this.desired = desired;
        }
    }

    private final String node;
    private final Wire wire;
    private final EventLog log;
    private final Function<String, Image> images;
    private final long pullBytesPerSecond;
    private final long defaultHeartbeatPeriod;
    private final TimerScheduler<Command> timers;
    private final AgentKind kind;
    private final Map<String, Container> containers = new LinkedHashMap<>();
    /** When each image is (or will be) on disk; a second task of the image waits for the same pull. */
    private final Map<String, Long> imageReadyAt = new HashMap<>();
    private long heartbeatPeriod;
    private long reportsSent;
    private long assignmentsSeen;
    private boolean up;
    /**
     * Whether the manager has answered this boot's registration. Until it has (the registration
     * may be lost while the managers have no leader or the node is cut off), every heartbeat
     * tick registers again, as a swarmkit agent keeps trying to open a session.
     */
    private boolean registered;

    public static Behavior<Command> create(
            String node, Wire wire, EventLog log, Function<String, Image> images,
            long pullBytesPerSecond, long heartbeatPeriod, long firstHeartbeatDelay) {
        return create(node, wire, log, images, pullBytesPerSecond, heartbeatPeriod, firstHeartbeatDelay, () -> SwarmAgent.INSTANCE);
    }

    /** The agent as a Kubernetes kubelet: containers restart in place (see the class comment). */
    public static Behavior<Command> kubelet(
            String node, Wire wire, EventLog log, Function<String, Image> images,
            long pullBytesPerSecond, long statusPeriod, long firstStatusDelay) {
        return create(node, wire, log, images, pullBytesPerSecond, statusPeriod, firstStatusDelay, Kubelet::new);
    }

    private static Behavior<Command> create(
            String node, Wire wire, EventLog log, Function<String, Image> images,
            long pullBytesPerSecond, long heartbeatPeriod, long firstHeartbeatDelay, Supplier<AgentKind> kind) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            NodeAgent agent = new NodeAgent(ctx, node, wire, log, images, pullBytesPerSecond, heartbeatPeriod, timers,
                    kind.get());
            agent.boot(false, firstHeartbeatDelay);
            return agent;
        }));
    }

    private NodeAgent(
            ActorContext<Command> ctx, String node, Wire wire, EventLog log,
            Function<String, Image> images, long pullBytesPerSecond, long heartbeatPeriod,
            TimerScheduler<Command> timers, AgentKind kind) {
        super(ctx);
        this.node = node;
        this.wire = wire;
        this.log = log;
        this.images = images;
        this.pullBytesPerSecond = pullBytesPerSecond;
        this.defaultHeartbeatPeriod = heartbeatPeriod;
        this.timers = timers;
        this.kind = kind;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessageEquals(Crash.INSTANCE, this::onCrash)
                .onMessageEquals(Boot.INSTANCE, () -> up ? this : boot(true, 0))
                .onMessage(Assign.class, m -> up ? onAssign(m) : this)
                .onMessage(HeartbeatAck.class, m -> up ? onAck(m) : this)
                .onMessage(KillTask.class, this::onKill)
                .onMessageEquals(SendHeartbeat.INSTANCE, () -> up ? sendHeartbeat() : this)
                .onMessage(StepDone.class, m -> up ? onStepDone(m) : this)
                .onMessage(ContainerExit.class, m -> up ? onExit(m) : this)
                .onMessage(RestartContainer.class, m -> up ? onRestart(m) : this)
                .build();
    }

    private Behavior<Command> boot(boolean logBoot, long firstHeartbeatDelay) {
        up = true;
        heartbeatPeriod = defaultHeartbeatPeriod;
        if (logBoot) {
            log.append(new NodeBooted(node));
        }
        registered = false;
        toManager(registration());
        timers.startSingleTimer(SendHeartbeat.INSTANCE, Duration.ofNanos(Math.max(firstHeartbeatDelay, 1_000_000)));
        return this;
    }

    private Behavior<Command> onCrash() {
        if (!up) {
            return this;
        }
        up = false;
        timers.cancelAll();
        log.append(new NodeCrashed(node));
        for (Container c : containers.values()) {
            if (!c.state.isTerminal()) {
                log.append(new TaskStateChanged(c.task.id(), node, TaskState.FAILED, "node crashed", "node crashed"));
            }
        }
        containers.clear();
        kind.crashed();
        long now = log.now();
        imageReadyAt.values().removeIf(readyAt -> readyAt > now); // an unfinished pull is lost; pulled images stay on disk
        return this;
    }

    private Behavior<Command> sendHeartbeat() {
        toManager(registered ? new Manager.Heartbeat(node, reportsSent, assignmentsSeen) : registration());
        timers.startSingleTimer(SendHeartbeat.INSTANCE, Duration.ofNanos(heartbeatPeriod));
        return this;
    }

    private Behavior<Command> onAck(HeartbeatAck ack) {
        heartbeatPeriod = ack.nextPeriodNanos();
        registered = true;
        if (ack.resendReports()) {
            toManager(new Manager.Register(node, false, reports(), reportsSent));
        }
        return this;
    }

    /** The registration after a boot: the node has lost everything but what it has run since. */
    private Manager.Register registration() {
        return new Manager.Register(node, true, reports(), reportsSent);
    }

    private List<TaskReport> reports() {
        List<TaskReport> all = new ArrayList<>();
        containers.values().forEach(c -> all.add(new TaskReport(c.task.id(), c.state, "", null)));
        return all;
    }

    private Behavior<Command> onAssign(Assign m) {
        assignmentsSeen = m.version();
        Set<String> listed = new HashSet<>();
        for (Assignment a : m.assignments()) {
            listed.add(a.task().id());
            Container c = containers.get(a.task().id());
            if (c == null) {
                if (a.desired().compareTo(TaskState.RUNNING) <= 0 && !a.task().state().isTerminal()) {
                    c = new Container(a.task(), a.desired());
                    containers.put(a.task().id(), c);
                    advance(c, TaskState.ACCEPTED, "accepted", null);
                    prepare(c);
                } else if (kind.confirmsDeletionWithoutContainer() && a.desired().compareTo(TaskState.RUNNING) > 0) {
                    // a Terminating pod this kubelet runs no container for: its deletion is confirmed at once
                    c = new Container(a.task(), a.desired());
                    containers.put(a.task().id(), c);
                    advance(c, TaskState.SHUTDOWN, "deleted", null);
                }
            } else {
                c.desired = a.desired();
                applyDesired(c);
            }
        }
        if (m.full()) {
            for (Container c : List.copyOf(containers.values())) {
                if (!listed.contains(c.task.id()) && (!c.state.isTerminal() || c.awaitingRestart)) {
                    c.desired = TaskState.SHUTDOWN;
                    applyDesired(c);
                }
            }
        }
        containers.values().removeIf(c -> c.state.isTerminal() && !listed.contains(c.task.id()) && !c.awaitingRestart);
        return this;
    }

    private void prepare(Container c) {
        advance(c, TaskState.PREPARING, "preparing", null);
        Image image = images.apply(c.task.spec().image());
        long now = log.now();
        long readyAt = imageReadyAt.computeIfAbsent(image.name(), name -> now + pullNanos(image));
        long pull = Math.max(0, readyAt - now);
        timers.startSingleTimer(c.task.id(), new StepDone(c.task.id(), TaskState.READY), Duration.ofNanos(pull));
    }

    private long pullNanos(Image image) {
        return pullBytesPerSecond <= 0 ? 0 : (long) Math.ceil(image.sizeBytes() * 1e9 / pullBytesPerSecond);
    }

    private void applyDesired(Container c) {
        if (c.state.isTerminal()) {
            if (c.awaitingRestart && c.desired.compareTo(TaskState.RUNNING) > 0) {
                c.awaitingRestart = false;
                timers.cancel(c.task.id()); // no restart for a pod being deleted
                kind.forget(c.task.id());
                advance(c, TaskState.SHUTDOWN, "deleted", null);
            }
            return;
        }
        if (c.desired.compareTo(TaskState.RUNNING) > 0) {
            timers.cancel(c.task.id());
            advance(c, TaskState.SHUTDOWN, "shutdown", null);
        } else if (c.desired == TaskState.RUNNING && c.state == TaskState.READY) {
            start(c);
        }
    }

    private void start(Container c) {
        c.awaitingRestart = false;
        advance(c, TaskState.STARTING, "starting", null);
        Image image = images.apply(c.task.spec().image());
        timers.startSingleTimer(c.task.id(), new StepDone(c.task.id(), TaskState.RUNNING), Duration.ofNanos(image.startNanos()));
    }

    private Behavior<Command> onStepDone(StepDone m) {
        Container c = containers.get(m.taskId());
        if (c == null || c.state.isTerminal()) {
            return this;
        }
        if (m.reached() == TaskState.READY && c.state == TaskState.PREPARING) {
            advance(c, TaskState.READY, "prepared", null);
            applyDesired(c);
        } else if (m.reached() == TaskState.RUNNING && c.state == TaskState.STARTING) {
            advance(c, TaskState.RUNNING, "started", null);
            images.apply(c.task.spec().image()).crashAfterNanos().ifPresent(after -> timers.startSingleTimer(
                    c.task.id(), new ContainerExit(c.task.id(), "task: non-zero exit (1)"), Duration.ofNanos(after)));
        }
        return this;
    }

    private Behavior<Command> onKill(KillTask m) {
        Optional<Container> victim = !up ? Optional.empty() : containers.values().stream()
                .filter(c -> c.task.name().equals(m.taskName()) && !c.state.isTerminal())
                .findFirst();
        victim.ifPresent(c -> getContext().getSelf().tell(new ContainerExit(c.task.id(), m.error())));
        m.replyTo().tell(new KillAnswer(m.request(), victim.isPresent()));
        return this;
    }

    private Behavior<Command> onExit(ContainerExit m) {
        Container c = containers.get(m.taskId());
        if (c != null && !c.state.isTerminal()) {
            timers.cancel(c.task.id());
            advance(c, TaskState.FAILED, "exited", m.error());
            if (c.desired == TaskState.RUNNING) {
                kind.restartDelay(c.task.id(), log.now()).ifPresent(delay -> restartLater(c, delay));
            }
        }
        return this;
    }

    /**
     * The kubelet's restartPolicy Always: the same pod's container starts again after the back-off;
     * meanwhile it stays, until the pod is deleted.
     */
    private void restartLater(Container c, long delay) {
        c.awaitingRestart = true;
        if (delay > 0) {
            log.append(new ContainerBackOff(c.task.id(), node, delay,
                    "back-off " + Durations.format(delay) + " restarting failed container"));
        }
        timers.startSingleTimer(c.task.id(), new RestartContainer(c.task.id()), Duration.ofNanos(delay));
    }

    private Behavior<Command> onRestart(RestartContainer m) {
        Container c = containers.get(m.taskId());
        if (c != null && c.awaitingRestart) {
            start(c);
        }
        return this;
    }

    private void advance(Container c, TaskState state, String message, String error) {
        c.state = state;
        log.append(new TaskStateChanged(c.task.id(), node, state, message, error));
        reportsSent++;
        toManager(new Manager.TaskReports(node, List.of(new TaskReport(c.task.id(), state, message, error)), reportsSent));
    }

    private void toManager(Manager.Command message) {
        wire.toManager(node, message);
    }
}
