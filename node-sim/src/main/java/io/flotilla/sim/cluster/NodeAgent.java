package io.flotilla.sim.cluster;

import io.flotilla.network.health.GracefulStop;
import io.flotilla.network.health.HealthStatus;
import io.flotilla.scheduler.model.HealthCheck;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.VolumeMount;
import io.flotilla.scheduler.storage.NodeDisk;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.dataplane.DataPlane;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.storage.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
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
 * <p>It is also the node's daemon for the data plane: it tells the {@link DataPlane} when a container
 * starts (its sandbox joins the task's networks) and stops, when the task's service binding is
 * activated (at start, or at the first healthy probe when the task has a healthcheck) or deactivated,
 * and whether the application answers requests. A task with a healthcheck is probed as the daemon
 * probes it ({@link ProbeSchedule}); {@code unhealthy} in the timeline makes its application fail its
 * probes (and stop answering) until {@code healthy}. Swarm stops an unhealthy task: out of DNS and
 * the load balancers, 2s for gossip to converge, SIGTERM, which the hung application ignores, SIGKILL
 * after the stop grace period: {@code task: non-zero exit (137): dockerexec: unhealthy container}. A
 * running task with networks that is to stop (scale down, update, drain, replaced) is taken out of
 * service the same way, then stops at SIGTERM, its application exiting at once.
 *
 * <p>As a kubelet ({@link #kubelet}) it runs the same lifecycle, but restarts an exited container in
 * place, on the same node, after the CrashLoopBackOff delay (the task's state goes from failed back
 * to starting: the pod is the same, its container is new), and confirms at once the deletion of a
 * pod it has no container for. It runs a healthcheck as the pod's readiness probe and posts the
 * pod's readiness; it never stops a container for it, and stops a container at once. What differs is
 * its {@link AgentKind}.
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

    /**
     * The application of the named task's containers starts failing its health check or readiness
     * probe ({@code healthy} false), or passes it again; either way the node answers {@code replyTo}.
     */
    public record SetHealth(long request, String taskName, boolean healthy, ActorRef<HealthAnswer> replyTo)
            implements Command {}

    /** Whether the node runs a container of the task that the {@link SetHealth} {@code request} was for. */
    public record HealthAnswer(long request, boolean found) {}

    private enum SendHeartbeat implements Command { INSTANCE }

    private record StepDone(String taskId, TaskState reached) implements Command {}

    private record ContainerExit(String taskId, String error) implements Command {}

    private record RestartContainer(String taskId) implements Command {}

    /** The container's probe is due to change its status. */
    private record ProbeDue(String taskId) implements Command {}

    /** SIGTERM, once the task is out of service and gossip has converged. */
    private record Terminate(String taskId) implements Command {}

    /** SIGKILL, at the end of the stop grace period. */
    private record Kill(String taskId) implements Command {}

    /** The storage's answer to the container's mounts: empty error when every named volume is mounted. */
    private record Mounted(String taskId, Optional<String> error, SortedMap<String, Long> created) implements Command {}

    /** Keys of what takes room on the disk. */
    private static final String IMAGE = "image:";
    private static final String CONTAINER = "container:";
    private static final String VOLUME = "volume:";

    /** The engine's error when an image's layers do not fit on the disk. */
    static final String PULL_DISK_FULL = "failed to register layer: " + NodeDisk.FULL;

    /** The engine's error when the container's own layer (vfs: a copy of the image) does not fit. */
    static final String CREATE_DISK_FULL = "failed to create container: " + NodeDisk.FULL;

    /** The error of a task stopped because it was unhealthy (moby's {@code ErrContainerUnhealthy}, killed: 137). */
    static final String UNHEALTHY_ERROR = "task: non-zero exit (137): dockerexec: unhealthy container";

    private static final class Container {
        Task task;
        TaskState state;
        TaskState desired;
        /** Exited, and to start again in place when its back-off is over (a kubelet's container only). */
        boolean awaitingRestart;
        /** The container has run since it was assigned: the data plane knows it. */
        boolean everStarted;
        /** Its application fails requests and probes ({@code unhealthy} in the timeline). */
        boolean failing;
        /** Its probe, while it runs, and the status the probe reached last. */
        Optional<ProbeSchedule> probe = Optional.empty();
        HealthStatus health = HealthStatus.STARTING;
        /** Being taken out of service before it stops; {@code unhealthy}: because its probe failed. */
        boolean stopping;
        boolean unhealthy;
        boolean serving;
        /** Its named volumes are mounted (the storage was told, and said yes). */
        boolean mounted;
        /** Its image is pulled and the container created (Prepare succeeded). */
        boolean prepared;

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
    private final ActorRef<DataPlane.Command> dataPlane;
    private final ActorRef<Storage.Command> storage;
    private final ActorRef<Storage.MountAnswer> mountAnswers;
    /** What takes space on the node's disk: images, containers' own layers, local volumes. */
    private final NodeDisk disk;
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
            long pullBytesPerSecond, long heartbeatPeriod, long firstHeartbeatDelay, ActorRef<DataPlane.Command> dataPlane,
            ActorRef<Storage.Command> storage, NodeDisk disk) {
        return create(node, wire, log, images, pullBytesPerSecond, heartbeatPeriod, firstHeartbeatDelay,
                () -> SwarmAgent.INSTANCE, dataPlane, storage, disk);
    }

    /** The agent as a Kubernetes kubelet: containers restart in place (see the class comment). */
    public static Behavior<Command> kubelet(
            String node, Wire wire, EventLog log, Function<String, Image> images,
            long pullBytesPerSecond, long statusPeriod, long firstStatusDelay, ActorRef<DataPlane.Command> dataPlane,
            ActorRef<Storage.Command> storage, NodeDisk disk) {
        return create(node, wire, log, images, pullBytesPerSecond, statusPeriod, firstStatusDelay, Kubelet::new, dataPlane,
                storage, disk);
    }

    private static Behavior<Command> create(
            String node, Wire wire, EventLog log, Function<String, Image> images,
            long pullBytesPerSecond, long heartbeatPeriod, long firstHeartbeatDelay, Supplier<AgentKind> kind,
            ActorRef<DataPlane.Command> dataPlane, ActorRef<Storage.Command> storage, NodeDisk disk) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            NodeAgent agent = new NodeAgent(ctx, node, wire, log, images, pullBytesPerSecond, heartbeatPeriod, timers,
                    kind.get(), dataPlane, storage, disk);
            agent.boot(false, firstHeartbeatDelay);
            return agent;
        }));
    }

    private NodeAgent(
            ActorContext<Command> ctx, String node, Wire wire, EventLog log,
            Function<String, Image> images, long pullBytesPerSecond, long heartbeatPeriod,
            TimerScheduler<Command> timers, AgentKind kind, ActorRef<DataPlane.Command> dataPlane,
            ActorRef<Storage.Command> storage, NodeDisk disk) {
        super(ctx);
        this.dataPlane = dataPlane;
        this.storage = storage;
        this.disk = disk;
        this.mountAnswers = ctx.messageAdapter(Storage.MountAnswer.class, a -> new Mounted(a.task(), a.error(), a.created()));
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
                .onMessage(SetHealth.class, this::onSetHealth)
                .onMessageEquals(SendHeartbeat.INSTANCE, () -> up ? sendHeartbeat() : this)
                .onMessage(StepDone.class, m -> up ? onStepDone(m) : this)
                .onMessage(ContainerExit.class, m -> up ? onExit(m) : this)
                .onMessage(RestartContainer.class, m -> up ? onRestart(m) : this)
                .onMessage(ProbeDue.class, m -> up ? onProbeDue(m) : this)
                .onMessage(Terminate.class, m -> up ? onTerminate(m) : this)
                .onMessage(Kill.class, m -> up ? onKillAfterGrace(m) : this)
                .onMessage(Mounted.class, this::onMounted)
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
        imageReadyAt.entrySet().removeIf(e -> {
            boolean unfinished = e.getValue() > now; // an unfinished pull is lost; pulled images stay on disk
            if (unfinished) {
                disk.free(IMAGE + e.getKey());
            }
            return unfinished;
        });
        disk.freeAll(CONTAINER); // the node boots empty
        return this;
    }

    private Behavior<Command> sendHeartbeat() {
        if (registered) {
            toManager(new Manager.Heartbeat(node, reportsSent, assignmentsSeen));
        } else {
            toManager(registration());
            resendReadiness();
        }
        timers.startSingleTimer(SendHeartbeat.INSTANCE, Duration.ofNanos(heartbeatPeriod));
        return this;
    }

    private Behavior<Command> onAck(HeartbeatAck ack) {
        heartbeatPeriod = ack.nextPeriodNanos();
        registered = true;
        if (ack.resendReports()) {
            toManager(new Manager.Register(node, false, reports(), reportsSent));
            resendReadiness();
        }
        return this;
    }

    /** A kubelet's pod statuses carry their readiness: resent with them. */
    private void resendReadiness() {
        if (!kind.healthcheckStopsTask()) {
            for (Container c : containers.values()) {
                if (c.probe.isPresent() && c.state == TaskState.RUNNING) {
                    toManager(new Manager.Readiness(node, c.task.id(), c.health == HealthStatus.HEALTHY));
                }
            }
        }
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

    /**
     * Pulls the image if the node has not, and creates the container (swarmkit's Prepare): the image
     * and the container's own layer take their room on the disk first, or the task is rejected with
     * the engine's words. The storage driver says what the container's layer takes and how long its
     * creation lasts (overlay2: nothing, at once; vfs: a copy of the whole image).
     */
    private void prepare(Container c) {
        advance(c, TaskState.PREPARING, "preparing", null);
        Image image = images.apply(c.task.spec().image());
        long now = log.now();
        boolean pulled = imageReadyAt.containsKey(image.name());
        long layer = disk.driver().containerBytes(image.sizeBytes());
        if (!disk.fits((pulled ? 0 : image.sizeBytes()) + layer)) {
            rejected(c, !pulled && !disk.fits(image.sizeBytes()) ? PULL_DISK_FULL : CREATE_DISK_FULL);
            return;
        }
        if (!pulled) {
            disk.take(IMAGE + image.name(), image.sizeBytes());
        }
        if (layer > 0) {
            disk.take(CONTAINER + c.task.id(), layer);
        }
        long readyAt = imageReadyAt.computeIfAbsent(image.name(), name -> now + pullNanos(image));
        long pull = Math.max(0, readyAt - now) + disk.driver().createNanos(image.sizeBytes());
        timers.startSingleTimer(c.task.id(), new StepDone(c.task.id(), TaskState.READY), Duration.ofNanos(pull));
    }

    /** Swarmkit rejects a task whose Prepare failed; a kubelet's pod fails and backs off, as for an exit. */
    private void rejected(Container c, String error) {
        if (kind.restartsInPlace()) {
            exited(c, error);
        } else {
            advance(c, TaskState.REJECTED, "rejected", error);
        }
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
            if (c.state == TaskState.RUNNING && kind.drainsBeforeStop() && hasServiceBinding(c.task)) {
                drain(c, false);
                return;
            }
            timers.cancel(c.task.id());
            advance(c, TaskState.SHUTDOWN, "shutdown", null);
        } else if (c.desired == TaskState.RUNNING && c.state == TaskState.READY) {
            start(c);
        }
    }

    /**
     * The container is created: a task with named volumes has them mounted first (the storage
     * answers at once, in {@link #onMounted}), then it starts.
     */
    private void start(Container c) {
        c.awaitingRestart = false;
        if (c.task.spec().mounts().stream().anyMatch(m -> m.type() == VolumeMount.Type.VOLUME)) {
            storage.tell(new Storage.Mount(c.task.id(), c.task.name(), node, c.task.spec().mounts(), disk.free(), mountAnswers));
            return;
        }
        starting(c);
    }

    private void starting(Container c) {
        advance(c, TaskState.STARTING, "starting", null);
        Image image = images.apply(c.task.spec().image());
        timers.startSingleTimer(c.task.id(), new StepDone(c.task.id(), TaskState.RUNNING), Duration.ofNanos(image.startNanos()));
    }

    /**
     * The storage mounted the container's volumes, or could not: then the container fails to start
     * with the engine's error, and its restart policy (or the kubelet's back-off) follows. A container
     * gone in the meantime (a crash, a stop) gives its mounts back.
     */
    private Behavior<Command> onMounted(Mounted m) {
        Container c = up ? containers.get(m.taskId()) : null;
        boolean startable = c != null && !c.mounted && c.desired == TaskState.RUNNING
                && (c.state == TaskState.READY || c.state.isTerminal() && kind.restartsInPlace());
        if (!startable) {
            if (m.error().isEmpty() && (c == null || !c.mounted)) {
                storage.tell(new Storage.Unmount(m.taskId()));
            }
            return this;
        }
        if (m.error().isPresent()) {
            exited(c, m.error().get());
            return this;
        }
        c.mounted = true;
        m.created().forEach((volume, bytes) -> disk.take(VOLUME + volume, bytes));
        starting(c);
        return this;
    }

    private Behavior<Command> onStepDone(StepDone m) {
        Container c = containers.get(m.taskId());
        if (c == null || c.state.isTerminal()) {
            return this;
        }
        if (m.reached() == TaskState.READY && c.state == TaskState.PREPARING) {
            c.prepared = true;
            advance(c, TaskState.READY, "prepared", null);
            applyDesired(c);
        } else if (m.reached() == TaskState.RUNNING && c.state == TaskState.STARTING) {
            advance(c, TaskState.RUNNING, "started", null);
            images.apply(c.task.spec().image()).crashAfterNanos().ifPresent(after -> timers.startSingleTimer(
                    c.task.id(), new ContainerExit(c.task.id(), "task: non-zero exit (1)"), Duration.ofNanos(after)));
            running(c);
        }
        return this;
    }

    /**
     * The container runs: the data plane hears of it, and the task's service binding is activated at
     * once, or at its first healthy probe when it has a healthcheck.
     */
    private void running(Container c) {
        c.everStarted = true;
        c.health = HealthStatus.STARTING;
        toDataPlane(c, new DataPlane.ContainerStarted(node, c.task));
        Optional<HealthCheck> hc = c.task.spec().healthcheck();
        if (hc.isPresent()) {
            long now = log.now();
            ProbeSchedule probe = kind.healthcheckStopsTask() ? ProbeSchedule.healthcheck(hc.get(), now)
                    : ProbeSchedule.readiness(hc.get(), now);
            probe.setFailing(now, c.failing);
            c.probe = Optional.of(probe);
            log.append(new TaskHealthChanged(c.task.id(), node, HealthStatus.STARTING.key(), 0));
            scheduleProbe(c);
        } else {
            toDataPlane(c, new DataPlane.BindingChanged(node, c.task.id(), true));
        }
        updateServing(c);
    }

    /**
     * Tells the data plane about a container that has an address on some network; one without any
     * (a Swarm task that names no network and publishes no port) is nothing to DNS or a balancer.
     */
    private void toDataPlane(Container c, DataPlane.Command message) {
        TaskSpec spec = c.task.spec();
        if (kind.everyContainerHasAnAddress() || !spec.networks().isEmpty() || !spec.ports().isEmpty()) {
            dataPlane.tell(message);
        }
    }

    /** The truth the data plane routes by: the application answers while it runs, passes, and has been found healthy. */
    private void updateServing(Container c) {
        boolean serving = c.state == TaskState.RUNNING && !c.failing
                && (c.probe.isEmpty() || c.health == HealthStatus.HEALTHY);
        if (serving != c.serving) {
            c.serving = serving;
            toDataPlane(c, new DataPlane.ServingChanged(c.task.id(), serving));
        }
    }

    private void scheduleProbe(Container c) {
        String key = "probe:" + c.task.id();
        Optional<ProbeSchedule.Change> next = c.probe.flatMap(p -> p.next(log.now()));
        if (next.isPresent()) {
            timers.startSingleTimer(key, new ProbeDue(c.task.id()), Duration.ofNanos(Math.max(0, next.get().time() - log.now())));
        } else {
            timers.cancel(key);
        }
    }

    private Behavior<Command> onProbeDue(ProbeDue m) {
        Container c = containers.get(m.taskId());
        if (c == null || c.state != TaskState.RUNNING || c.probe.isEmpty()) {
            return this;
        }
        Optional<ProbeSchedule.Change> change = c.probe.get().next(log.now());
        if (change.isEmpty() || change.get().time() > log.now()) {
            scheduleProbe(c);
            return this;
        }
        ProbeSchedule.Change ch = change.get();
        c.probe.get().applied(ch);
        HealthStatus before = c.health;
        c.health = ch.status();
        log.append(new TaskHealthChanged(c.task.id(), node, ch.status().key(), ch.failingStreak()));
        if (kind.healthcheckStopsTask()) {
            if (ch.status() == HealthStatus.HEALTHY && before == HealthStatus.STARTING) {
                toDataPlane(c, new DataPlane.BindingChanged(node, c.task.id(), true)); // activateServiceBinding
            } else if (ch.status() == HealthStatus.UNHEALTHY && !c.stopping) {
                updateServing(c);
                drain(c, true);
                return this;
            }
        } else {
            toManager(new Manager.Readiness(node, c.task.id(), ch.status() == HealthStatus.HEALTHY));
        }
        updateServing(c);
        scheduleProbe(c);
        return this;
    }

    /**
     * moby's controller {@code Shutdown}: a task with a service binding is deactivated (out of DNS,
     * IPVS weight 0) and, {@code defaultGossipConvergeDelay} later, sent SIGTERM; one without is sent
     * SIGTERM at once. An unhealthy task's hung application ignores it and is killed at the end of
     * the stop grace period.
     */
    private void drain(Container c, boolean unhealthy) {
        c.stopping = true;
        c.unhealthy = unhealthy;
        timers.cancel("probe:" + c.task.id());
        boolean binding = hasServiceBinding(c.task);
        if (binding) {
            toDataPlane(c, new DataPlane.BindingChanged(node, c.task.id(), false));
        }
        timers.startSingleTimer("stop:" + c.task.id(), new Terminate(c.task.id()),
                Duration.ofNanos(binding ? GracefulStop.GOSSIP_CONVERGE_DELAY_NANOS : 0));
    }

    private Behavior<Command> onTerminate(Terminate m) {
        Container c = containers.get(m.taskId());
        if (c == null || c.state.isTerminal() || !c.stopping) {
            return this;
        }
        if (c.unhealthy) {
            timers.startSingleTimer("stop:" + c.task.id(), new Kill(c.task.id()),
                    Duration.ofNanos(c.task.spec().stopGracePeriodNanos()));
            return this;
        }
        timers.cancel(c.task.id());
        advance(c, TaskState.SHUTDOWN, "shutdown", null); // the application exits at SIGTERM
        return this;
    }

    private Behavior<Command> onKillAfterGrace(Kill m) {
        Container c = containers.get(m.taskId());
        if (c != null && !c.state.isTerminal() && c.stopping) {
            timers.cancel(c.task.id());
            advance(c, TaskState.FAILED, "exited", UNHEALTHY_ERROR);
        }
        return this;
    }

    /** moby's {@code hasServiceBinding}: the task is on a network (the ingress network counts). */
    private static boolean hasServiceBinding(Task task) {
        return !task.spec().networks().isEmpty()
                || task.spec().ports().stream().anyMatch(p -> p.mode() == PublishMode.INGRESS);
    }

    private Behavior<Command> onSetHealth(SetHealth m) {
        boolean found = false;
        if (up) {
            for (Container c : containers.values()) {
                if (c.task.name().equals(m.taskName()) && !c.state.isTerminal()) {
                    found = true;
                    c.failing = !m.healthy();
                    c.probe.ifPresent(p -> p.setFailing(log.now(), c.failing));
                    if (c.state == TaskState.RUNNING && !c.stopping) {
                        updateServing(c);
                        scheduleProbe(c);
                    }
                }
            }
        }
        m.replyTo().tell(new HealthAnswer(m.request(), found));
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
            exited(c, m.error());
        }
        return this;
    }

    private void exited(Container c, String error) {
        timers.cancel(c.task.id());
        advance(c, TaskState.FAILED, "exited", error);
        if (c.desired == TaskState.RUNNING) {
            kind.restartDelay(c.task.id(), log.now()).ifPresent(delay -> restartLater(c, delay));
        }
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
            if (c.prepared) {
                start(c);
            } else {
                c.awaitingRestart = false;
                prepare(c); // a pod whose container could not be created: the kubelet tries again
            }
        }
        return this;
    }

    private void advance(Container c, TaskState state, String message, String error) {
        c.state = state;
        log.append(new TaskStateChanged(c.task.id(), node, state, message, error));
        if (state.isTerminal()) {
            stopped(c);
        }
        reportsSent++;
        toManager(new Manager.TaskReports(node, List.of(new TaskReport(c.task.id(), state, message, error)), reportsSent));
    }

    /** The container is gone: the data plane hears of it once, and of the sandbox's end when it goes too. */
    private void stopped(Container c) {
        if (c.mounted) {
            c.mounted = false;
            storage.tell(new Storage.Unmount(c.task.id()));
        }
        timers.cancel("probe:" + c.task.id());
        timers.cancel("stop:" + c.task.id());
        c.probe = Optional.empty();
        c.stopping = false;
        c.serving = false;
        if (c.state == TaskState.SHUTDOWN || !kind.restartsInPlace()) {
            disk.free(CONTAINER + c.task.id()); // the container is removed with its layer
        }
        if (c.everStarted) {
            boolean removed = c.state == TaskState.SHUTDOWN || !kind.restartsInPlace();
            toDataPlane(c, new DataPlane.ContainerStopped(node, c.task.id(), removed));
            c.everStarted = !removed;
        }
    }

    private void toManager(Manager.Command message) {
        wire.toManager(node, message);
    }
}
