package io.flotilla.sim.cluster;

import io.flotilla.network.health.GracefulStop;
import io.flotilla.network.health.HealthStatus;
import io.flotilla.scheduler.image.PullPlan;
import io.flotilla.scheduler.image.PullRules;
import io.flotilla.scheduler.model.HealthCheck;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.VolumeMount;
import io.flotilla.scheduler.runtime.Application;
import io.flotilla.scheduler.runtime.CpuThrottle;
import io.flotilla.scheduler.runtime.ExitStatus;
import io.flotilla.scheduler.storage.NodeDisk;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.dataplane.DataPlane;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.ContainerCommanded;
import io.flotilla.sim.events.ContainerOomKilled;
import io.flotilla.sim.events.ImagePullFailed;
import io.flotilla.sim.events.ImagePullStarted;
import io.flotilla.sim.events.ImagePulled;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskWaiting;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.kernel.VirtualTimeScheduler;
import io.flotilla.sim.storage.Storage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The agent on one simulated node: it heartbeats to the manager, runs the tasks it is assigned
 * through swarmkit's agent states (accepted, preparing while the image is pulled, ready,
 * starting, running), reports every change, and stops them when told. A crash kills every
 * container at once and silences the node until it boots again, empty.
 *
 * <p>Preparing a task is getting its image ({@link NodeImages}): under the task's pull policy the
 * node pulls from the image's registry the layers it lacks, or finds the image on its disk. A pull
 * from a registry that is down fails: Swarm's agent rejects the task ({@code No such image}) unless
 * it has the image, which it then runs; a kubelet keeps the pod waiting ({@code ErrImagePull}, then
 * {@code ImagePullBackOff}) and tries again as its pod worker syncs the pod.
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
 *
 * <p>Its containers live in their cgroups: a CPU limit below what the application needs stretches
 * the start ({@link CpuThrottle}); an application whose memory use goes past the memory limit is
 * OOM-killed (exit 137, {@code OOMKilled}), and then the task fails (Swarm's restart policy decides)
 * or the kubelet restarts it after its back-off. An operator on the node may run {@code docker
 * VERB} on a container ({@link Operate}): a paused container's processes are frozen (its task still
 * runs, it answers nothing; Swarm's daemon stops its health monitor, a kubelet's probe times out),
 * a stopped one exits as its application answers SIGTERM, a removed one is killed; see
 * {@link ContainerVerbs} for when a verb changes nothing.
 */
public final class NodeAgent extends AbstractBehavior<NodeAgent.Command> implements Runnable {

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

    /**
     * An operator on the node runs {@code docker VERB} on the container of the named task; either way
     * the node answers {@code replyTo}.
     */
    public record Operate(long request, String taskName, ContainerVerb verb, ActorRef<OperateAnswer> replyTo)
            implements Command {}

    /**
     * Whether the node has a container of the task the {@link Operate} {@code request} was for, and
     * if so why the verb changed nothing ({@code refusal}; empty when it acted).
     */
    public record OperateAnswer(long request, boolean found, Optional<String> refusal) {}

    /** A registry stops answering ({@code up} false) or answers again; a pull from it on its way fails. */
    public record RegistryChanged(String registry, boolean up) implements Command {}

    /**
     * {@code docker volume prune} on this node's engine: {@code all} ({@code --all}) and the names
     * its label filter lets through ({@code matching}); see {@link Storage.Prune}.
     */
    public record PruneVolumes(boolean all, Set<String> matching) implements Command {}

    /** The storage removed these volumes: their room on the disk is free. */
    private record VolumesPruned(List<String> removed) implements Command {}

    /** A pull's end: a failing pull fails, a pull of an image described by its layers is logged done. */
    private record PullEnded(long pullId) implements Command {}

    /** The kubelet syncs a pod that waits for its image again. */
    private record ImageSync(String taskId) implements Command {}

    /** The image of a container to start again in place is on the node. */
    private record ImageReady(String taskId) implements Command {}

    /** The image of a container to create is on the node: the container is created now. */
    private record Create(String taskId) implements Command {}

    private enum SendHeartbeat implements Command { INSTANCE }

    /** The timer started under {@code key} as {@code generation} fired; see {@link KeyedTimers}. */
    private record TimerFired(String key, long generation) implements Command {}

    private record StepDone(String taskId, TaskState reached) implements Command {}

    private record ContainerExit(String taskId, String error) implements Command {}

    private record RestartContainer(String taskId) implements Command {}

    /** The container's probe is due to change its status. */
    private record ProbeDue(String taskId) implements Command {}

    /** SIGTERM, once the task is out of service and gossip has converged. */
    private record Terminate(String taskId) implements Command {}

    /** SIGKILL, at the end of the stop grace period. */
    private record Kill(String taskId) implements Command {}

    /** The application's memory use goes past the container's limit: the kernel kills it. */
    private record OomKill(String taskId, long usedBytes) implements Command {}

    /** SIGKILL at the end of an operator's {@code docker stop}, for an application that ignored SIGTERM. */
    private record OperatorKill(String taskId) implements Command {}
    /** The storage's answer to the container's mounts: empty error when every named volume is mounted. */
    private record Mounted(String taskId, Optional<String> error, SortedMap<String, Long> created) implements Command {}

    /** Keys of what takes room on the disk. */
    private static final String CONTAINER = "container:";
    private static final String VOLUME = "volume:";

    /** The engine's error when an image's layers do not fit on the disk. */
    static final String PULL_DISK_FULL = "failed to register layer: " + NodeDisk.FULL;

    /** The engine's error when the container's own layer (vfs: a copy of the image) does not fit. */
    static final String CREATE_DISK_FULL = "failed to create container: " + NodeDisk.FULL;

    /** The error of a task stopped because it was unhealthy (moby's {@code ErrContainerUnhealthy}, killed: 137). */
    static final String UNHEALTHY_ERROR = "task: non-zero exit (137): dockerexec: unhealthy container";

    private final String node;
    private final Wire wire;
    /** The node's index on the wire. */
    private final int host;
    private final EventLog log;
    private final Function<String, Image> images;
    private final long pullBytesPerSecond;
    private final long defaultHeartbeatPeriod;
    /** The agent's timers (pulls, container steps, probes, stops) on the virtual clock: see {@link KeyedTimers}. */
    private final KeyedTimers<String, Command> timers;
    /**
     * The heartbeat tick is armed on the virtual clock directly rather than as a Pekko timer: it is
     * the one timer every node re-arms all the time, and Pekko's timer bookkeeping (a timer message,
     * its generation, the log it asks for on every delivery) cost more than the heartbeat itself. It
     * waits in the same queue, armed at the same moments, so it fires exactly when the timer did.
     *
     * <p>When it fires, the agent sends its heartbeat there and then instead of telling itself to:
     * a timer fires only when every mailbox is empty (see {@link VirtualTimeScheduler#quiescent}),
     * so the tick would have been the next and only message run, and its handler uses nothing of
     * the actor's context. The heartbeat leaves at the same instant, in the same order, one mailbox
     * run fewer; and when all the manager would do is move the node's deadline and answer, it is
     * answered there and then too (see {@link Wire#quietHeartbeat}). Should anything be queued
     * after all, the tick is told as before.
     */
    private final VirtualTimeScheduler clock;
    /** The heartbeat tick's arm on the clock, or none. */
    private long heartbeatArm = VirtualTimeScheduler.NOT_ARMED;
    private final AgentKind kind;
    private final ActorRef<DataPlane.Command> dataPlane;
    private final ActorRef<Storage.Command> storage;
    private final ActorRef<Storage.MountAnswer> mountAnswers;
    private final ActorRef<Storage.PruneAnswer> pruneAnswers;
    /**
     * What takes space on the node's disk, one disk for all: images' layers (through {@link #imageStore}),
     * containers' own layers, local volumes.
     */
    private final NodeDisk disk;
    private final Map<String, NodeContainer> containers = new LinkedHashMap<>();
    /**
     * The state each task name's container last ended in, once the manager no longer lists it here:
     * what an operator's {@code docker start} of it meets.
     */
    private final Map<String, TaskState> ended = new HashMap<>();
    /**
     * The ended containers dropped from {@link #containers} on a change that did not list them, by
     * task id, until the manager shows it has their end (or a full assignment set leaves them out): a
     * task the manager sends again, not knowing it ended, finds its end here.
     */
    private Map<String, NodeContainer> forgotten = NONE_FORGOTTEN;
    /** Shared while a node has forgotten nothing: a quiet heartbeat then reads no map of its own. */
    private static final Map<String, NodeContainer> NONE_FORGOTTEN = Map.of();
    /**
     * Tasks whose readiness a kubelet could not post (the API server was out of reach): its status
     * manager posts it again at its next sync, as the kubelet's does after a failed update.
     */
    private Set<String> readinessUnposted = NONE_UNPOSTED;
    /** Shared while all readiness got through: a quiet heartbeat then reads no set of its own. */
    private static final Set<String> NONE_UNPOSTED = Set.of();
    /** The report count the last heartbeat or registration carried: what its answer confirms. */
    private long beatReports;
    /** The images and layers on the node's disk, and its pulls; a second task of an image waits for the same pull. */
    private final NodeImages imageStore;
    /** Registries that are down, as the node last heard. */
    private final Set<String> registriesDown = new HashSet<>();
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
        return Behaviors.setup(ctx -> {
            NodeAgent agent = new NodeAgent(ctx, node, wire, log, images, pullBytesPerSecond, heartbeatPeriod,
                    kind.get(), dataPlane, storage, disk);
            agent.boot(false, firstHeartbeatDelay);
            return agent;
        });
    }

    private NodeAgent(
            ActorContext<Command> ctx, String node, Wire wire, EventLog log,
            Function<String, Image> images, long pullBytesPerSecond, long heartbeatPeriod,
            AgentKind kind, ActorRef<DataPlane.Command> dataPlane,
            ActorRef<Storage.Command> storage, NodeDisk disk) {
        super(ctx);
        this.dataPlane = dataPlane;
        this.storage = storage;
        this.disk = disk;
        this.imageStore = new NodeImages(disk);
        this.mountAnswers = ctx.messageAdapter(Storage.MountAnswer.class, a -> new Mounted(a.task(), a.error(), a.created()));
        this.pruneAnswers = ctx.messageAdapter(Storage.PruneAnswer.class, a -> new VolumesPruned(a.removed()));
        this.node = node;
        this.wire = wire;
        this.host = wire.hostIndex(node);
        this.log = log;
        this.images = images;
        this.pullBytesPerSecond = pullBytesPerSecond;
        this.defaultHeartbeatPeriod = heartbeatPeriod;
        this.clock = VirtualTimeScheduler.of(ctx.getSystem());
        ActorRef<Command> self = ctx.getSelf();
        this.timers = new KeyedTimers<>(clock, (key, generation) -> self.tell(new TimerFired(key, generation)));
        this.kind = kind;
    }

    /**
     * The heartbeat tick, armed on the virtual clock with the agent itself as the tick (see {@link
     * VirtualTimeScheduler#arm}): the clock's queue leads straight to the agent's state, with no
     * timer or action object to read from memory first, with 4,999 other nodes' heartbeats in between.
     */
    @Override
    public void run() {
        if (clock.firing() != heartbeatArm) {
            return; // armed again or disarmed since
        }
        if (!clock.quiescent()) {
            getContext().getSelf().tell(SendHeartbeat.INSTANCE);
        } else if (up && registered) {
            quietHeartbeat();
        } else {
            onHeartbeatTick();
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessageEquals(Crash.INSTANCE, this::onCrash)
                .onMessageEquals(Boot.INSTANCE, () -> up ? this : boot(true, 0))
                .onMessage(Assign.class, m -> up && inSession(m) ? onAssign(m) : this)
                .onMessage(HeartbeatAck.class, m -> up ? onAck(m) : this)
                .onMessage(KillTask.class, this::onKill)
                .onMessage(SetHealth.class, this::onSetHealth)
                .onMessage(Operate.class, this::onOperate)
                .onMessageEquals(SendHeartbeat.INSTANCE, this::onHeartbeatTick)
                .onMessage(StepDone.class, m -> up ? onStepDone(m) : this)
                .onMessage(ContainerExit.class, m -> up ? onExit(m) : this)
                .onMessage(RestartContainer.class, m -> up ? onRestart(m) : this)
                .onMessage(ProbeDue.class, m -> up ? onProbeDue(m) : this)
                .onMessage(Terminate.class, m -> up ? onTerminate(m) : this)
                .onMessage(Kill.class, m -> up ? onKillAfterGrace(m) : this)
                .onMessage(Mounted.class, this::onMounted)
                .onMessage(OomKill.class, m -> up ? onOomKill(m) : this)
                .onMessage(OperatorKill.class, m -> up ? onOperatorKill(m) : this)
                .onMessage(RegistryChanged.class, this::onRegistryChanged)
                .onMessage(PruneVolumes.class, this::onPruneVolumes)
                .onMessage(VolumesPruned.class, this::onVolumesPruned)
                .onMessage(PullEnded.class, m -> up ? onPullEnded(m) : this)
                .onMessage(ImageSync.class, m -> up ? onImageSync(m) : this)
                .onMessage(ImageReady.class, m -> up ? onImageReady(m) : this)
                .onMessage(Create.class, m -> up ? onCreate(m) : this)
                .onMessage(TimerFired.class, this::onTimerFired)
                .onSignal(PostStop.class, s -> onStopped())
                .build();
    }

    private Behavior<Command> boot(boolean logBoot, long firstHeartbeatDelay) {
        up = true;
        heartbeatPeriod = defaultHeartbeatPeriod;
        if (logBoot) {
            log.append(new NodeBooted(node));
        }
        registered = false;
        beatReports = reportsSent;
        toManager(registration());
        armHeartbeat(Math.max(firstHeartbeatDelay, 1_000_000));
        return this;
    }

    private Behavior<Command> onCrash() {
        if (!up) {
            return this;
        }
        up = false;
        timers.cancelAll();
        heartbeatArm = VirtualTimeScheduler.NOT_ARMED;
        log.append(new NodeCrashed(node));
        for (NodeContainer c : containers.values()) {
            if (!c.state.isTerminal()) {
                log.append(new TaskStateChanged(c.task.id(), node, TaskState.FAILED, "node crashed", "node crashed"));
            }
        }
        containers.clear();
        ended.clear();
        forgotten = NONE_FORGOTTEN;
        kind.crashed();
        imageStore.crashed(log.now()); // an unfinished pull is lost; pulled images stay on disk
        disk.freeAll(CONTAINER); // the node boots empty
        return this;
    }

    /** A stopped agent's tick would have gone to dead letters; it must not send on its own. */
    private Behavior<Command> onStopped() {
        heartbeatArm = VirtualTimeScheduler.NOT_ARMED;
        timers.cancelAll();
        return this;
    }

    /**
     * A timer fired: its message is taken as if it had come by itself, unless the timer was started
     * again or cancelled since.
     */
    private Behavior<Command> onTimerFired(TimerFired m) throws Exception {
        Optional<Command> message = timers.delivered(m.key(), m.generation());
        return message.isPresent() ? receive(getContext(), message.get()) : this;
    }

    private Behavior<Command> onHeartbeatTick() {
        return up ? sendHeartbeat() : this;
    }

    private Behavior<Command> sendHeartbeat() {
        beatReports = reportsSent;
        if (registered) {
            toManager(new Manager.Heartbeat(node, reportsSent, assignmentsSeen));
        } else {
            toManager(registration());
            resendReadiness();
        }
        armHeartbeat(heartbeatPeriod);
        postUnpostedReadiness();
        return this;
    }

    /** A heartbeat sent from the tick while no actor has work: see {@link Wire#quietHeartbeat}. */
    private void quietHeartbeat() {
        long answer = wire.quietHeartbeat(host, node, reportsSent, assignmentsSeen);
        if (answer == ControlPlaneInputs.NOT_QUIET) {
            sendHeartbeat();
            return;
        }
        armHeartbeat(heartbeatPeriod);
        if (answer != Wire.LOST) {
            heartbeatPeriod = answer; // all onAck does for a registered node not asked to resend
            confirmed(reportsSent); // a quiet heartbeat is one whose reports the manager all has
        }
        postUnpostedReadiness();
    }

    /** The next heartbeat tick, replacing one still armed, as a single timer of the same key would. */
    private void armHeartbeat(long delayNanos) {
        heartbeatArm = clock.arm(delayNanos, this);
    }

    private Behavior<Command> onAck(HeartbeatAck ack) {
        heartbeatPeriod = ack.nextPeriodNanos();
        registered = true;
        if (ack.resendReports()) {
            beatReports = reportsSent;
            toManager(new Manager.Register(node, false, reports(), reportsSent));
            resendReadiness();
        } else {
            confirmed(beatReports);
        }
        return this;
    }

    /**
     * The manager has every report up to {@code reports} (it counts them without a gap): the ended
     * containers whose end it has heard of need not be remembered for it.
     */
    private void confirmed(long reports) {
        if (!forgotten.isEmpty()) {
            forgotten.values().removeIf(c -> c.endReport <= reports);
        }
    }

    /** A kubelet's pod statuses carry their readiness: resent with them. */
    private void resendReadiness() {
        if (!kind.healthcheckStopsTask()) {
            for (NodeContainer c : containers.values()) {
                if (c.probe.isPresent() && c.state == TaskState.RUNNING) {
                    postReadiness(c);
                }
            }
        }
    }

    /** Posts the container's readiness, remembering it for the next sync when the post does not get through. */
    private void postReadiness(NodeContainer c) {
        if (wire.toManager(host, new Manager.Readiness(node, c.task.id(), c.health == HealthStatus.HEALTHY))) {
            forgetUnposted(c.task.id());
        } else {
            if (readinessUnposted == NONE_UNPOSTED) {
                readinessUnposted = new LinkedHashSet<>();
            }
            readinessUnposted.add(c.task.id());
        }
    }

    private void forgetUnposted(String task) {
        if (readinessUnposted != NONE_UNPOSTED && readinessUnposted.remove(task) && readinessUnposted.isEmpty()) {
            readinessUnposted = NONE_UNPOSTED;
        }
    }

    /** The status manager's periodic sync: readiness a failed post left behind goes again. */
    private void postUnpostedReadiness() {
        if (readinessUnposted == NONE_UNPOSTED) {
            return;
        }
        for (String id : List.copyOf(readinessUnposted)) {
            NodeContainer c = containers.get(id);
            if (c == null || c.probe.isEmpty() || c.state != TaskState.RUNNING) {
                forgetUnposted(id);
            } else {
                postReadiness(c);
            }
        }
    }

    /** The registration after a boot: the node has lost everything but what it has run since. */
    private Manager.Register registration() {
        return new Manager.Register(node, true, reports(), reportsSent);
    }

    /** Every container's state, the ended ones dropped since the last full assignment set included. */
    private List<TaskReport> reports() {
        List<TaskReport> all = new ArrayList<>();
        containers.values().forEach(c -> all.add(new TaskReport(c.task.id(), c.state, "", null)));
        forgotten.values().forEach(c -> all.add(new TaskReport(c.task.id(), c.state, "", null)));
        return all;
    }

    /**
     * Whether the assignments reach the node: a full set always does (it answers a registration or a
     * heartbeat), changes only once the registration after a boot is answered when the
     * {@link AgentKind} says so. Without this a rebooted node, empty, would start a task that the
     * manager still records on it from before the crash (prepared, waiting for its restart delay)
     * before the registration that reports it lost.
     */
    private boolean inSession(Assign m) {
        return m.full() || registered || !kind.assignmentsNeedSession();
    }

    private Behavior<Command> onAssign(Assign m) {
        // Changes that skip a version come after lost messages: the node keeps the version it holds
        // whole, so that its next heartbeat shows the gap and the manager sends it everything.
        if (m.full() || m.version() == assignmentsSeen + 1) {
            assignmentsSeen = m.version();
        }
        Set<String> listed = new HashSet<>();
        for (Assignment a : m.assignments()) {
            listed.add(a.task().id());
            NodeContainer c = containers.get(a.task().id());
            if (c == null && forgotten.containsKey(a.task().id())) {
                // a task whose container ended here and was dropped before the manager heard of its
                // end (the report was lost): it never runs again, and its end is reported again
                c = forgotten.remove(a.task().id());
                c.returned = true;
                containers.put(c.task.id(), c);
                c.desired = a.desired();
            } else if (c == null) {
                if (a.desired().compareTo(TaskState.RUNNING) <= 0 && !a.task().state().isTerminal()) {
                    c = new NodeContainer(a.task(), a.desired());
                    containers.put(a.task().id(), c);
                    advance(c, TaskState.ACCEPTED, "accepted", null);
                    prepare(c);
                } else if (!a.task().state().isTerminal()) {
                    // a task to stop that has no container here is confirmed stopped at once: swarmkit's
                    // agent shuts down a container that is not there, a kubelet deletes a Terminating pod
                    c = new NodeContainer(a.task(), a.desired());
                    containers.put(a.task().id(), c);
                    advance(c, TaskState.SHUTDOWN, kind.stoppedWithoutContainer(), null);
                }
            } else {
                c.desired = a.desired();
                applyDesired(c);
            }
        }
        if (m.full()) {
            for (NodeContainer c : List.copyOf(containers.values())) {
                if (!listed.contains(c.task.id()) && (!c.state.isTerminal() || c.awaitingRestart)) {
                    c.desired = TaskState.SHUTDOWN;
                    applyDesired(c);
                }
            }
        }
        if (m.full() && !forgotten.isEmpty()) {
            forgotten.keySet().retainAll(listed);
        }
        containers.values().removeIf(c -> {
            boolean gone = c.state.isTerminal() && !listed.contains(c.task.id()) && !c.awaitingRestart;
            if (gone && !c.returned) {
                ended.put(c.task.name(), c.state);
            }
            if (gone && !m.full()) {
                if (forgotten == NONE_FORGOTTEN) {
                    forgotten = new LinkedHashMap<>();
                }
                forgotten.put(c.task.id(), c);
            }
            return gone;
        });
        return this;
    }

    /**
     * Pulls the image if the node has not, and creates the container (swarmkit's Prepare): the
     * image's layers take their room on the disk when the pull starts, and the container's own layer
     * when it is created, once the image is there; either may not fit, and the task is rejected with
     * the engine's words. The storage driver says what the container's layer takes and how long its
     * creation lasts (overlay2: nothing, at once; vfs: a copy of the whole image).
     */
    private void prepare(NodeContainer c) {
        advance(c, TaskState.PREPARING, "preparing", null);
        ensureImage(c, false);
    }

    /**
     * Gets the container's image onto the node before it is created ({@code restart} false: it is
     * then prepared) or started again in place (a kubelet's restart: the kubelet asks for the image
     * at every start): found on the disk, or pulled (joining a pull of it that is on its way), as the
     * pull policy says; a failure goes to {@link #imageFailed}.
     */
    private void ensureImage(NodeContainer c, boolean restart) {
        String name = c.task.spec().image();
        Image image = images.apply(name);
        long now = log.now();
        c.startAfterImage = restart;
        c.imageWait = true;
        boolean present = imageStore.has(image.name(), now);
        boolean pulls = PullRules.shouldPull(kind.pullPolicy(c.task.spec()), present);
        if (!pulls && !present) {
            imageFailed(c, PullErrors.ERR_IMAGE_NEVER_PULL, PullErrors.neverPull(name));
            return;
        }
        if (!restart && pulls && !disk.fits(imageStore.missingBytes(image))) {
            c.imageWait = false;
            rejected(c, PULL_DISK_FULL);
            return;
        }
        if (!pulls) {
            imageReady(c, 0);
            return;
        }
        if (kind.pullHeldBack(c.task.id(), name, now)) {
            waitForImage(c, PullErrors.IMAGE_PULL_BACK_OFF, PullErrors.backOff(name), Kubelet.RESYNC_NANOS);
            return;
        }
        NodeImages.Pull pull = imageStore.pulling(image.name(), now).orElseGet(() -> startPull(image, now));
        pull.waiters.add(c.task.id());
        c.pullId = pull.id;
        if (!pull.failing) {
            imageReady(c, pull.endsAt - now);
        }
    }

    private NodeImages.Pull startPull(Image image, long now) {
        boolean registryUp = !registriesDown.contains(image.registry().name());
        NodeImages.Pull pull = imageStore.start(image, registryUp, pullBytesPerSecond, now, this::logPull);
        if (pull.failing || image.layered()) {
            timers.start("pull:" + pull.id, new PullEnded(pull.id), pull.endsAt - now);
        }
        return pull;
    }

    /** A pull of an image described by its layers is logged, with what it finds on the disk. */
    private void logPull(NodeImages.Pull pull, PullPlan plan) {
        if (pull.image.layered()) {
            log.append(new ImagePullStarted(node, pull.image.name(), pull.image.registry().name(), pull.image.layers().size(),
                    plan.present().size(), plan.inFlight().size(), plan.fetchBytes(), pull.fetched));
        }
    }

    /**
     * Creates the container, its image on the disk {@code afterImage} from now: its own layer
     * ({@code layer} bytes, see {@link #layerBytes}) takes its room, or the task is rejected with the
     * engine's words; it is prepared once the driver has made the layer.
     */
    private void create(NodeContainer c, long afterImage, long layer) {
        if (!disk.fits(layer)) {
            c.imageWait = false;
            rejected(c, CREATE_DISK_FULL);
            return;
        }
        if (layer > 0) {
            disk.take(CONTAINER + c.task.id(), layer);
        }
        long creation = disk.driver().createNanos(images.apply(c.task.spec().image()).sizeBytes());
        timers.start(c.task.id(), new StepDone(c.task.id(), TaskState.READY), afterImage + creation);
    }

    /** What the container's own layer still needs on the disk: nothing under copy-on-write, or made already. */
    private long layerBytes(NodeContainer c) {
        return disk.has(CONTAINER + c.task.id()) ? 0 : disk.driver().containerBytes(images.apply(c.task.spec().image()).sizeBytes());
    }

    private Behavior<Command> onCreate(Create m) {
        NodeContainer c = containers.get(m.taskId());
        if (c != null && c.state == TaskState.PREPARING && c.imageWait && !c.startAfterImage) {
            create(c, 0, layerBytes(c));
        }
        return this;
    }

    /** Swarmkit rejects a task whose Prepare failed; a kubelet's pod fails and backs off, as for an exit. */
    private void rejected(NodeContainer c, String error) {
        if (kind.restartsInPlace()) {
            exited(c, TaskState.FAILED, "exited", error);
        } else {
            advance(c, TaskState.REJECTED, "rejected", error);
        }
    }

    /**
     * The image will be on the disk {@code delay} from now: the container is created then (and
     * prepared as long after as its storage driver takes), or started again.
     */
    private void imageReady(NodeContainer c, long delay) {
        long layer = c.startAfterImage ? 0 : layerBytes(c);
        if (!c.startAfterImage && delay > 0 && layer > 0) {
            timers.start(c.task.id(), new Create(c.task.id()), delay); // its layer takes its room only then
        } else if (!c.startAfterImage) {
            create(c, delay, layer); // a layer of nothing fits whenever it is made
        } else if (delay == 0) {
            start(c);
        } else {
            timers.start(c.task.id(), new ImageReady(c.task.id()), delay);
        }
    }

    private Behavior<Command> onImageReady(ImageReady m) {
        NodeContainer c = containers.get(m.taskId());
        if (c != null && c.awaitingRestart && c.imageWait) {
            start(c);
        }
        return this;
    }

    private Behavior<Command> onPullEnded(PullEnded m) {
        imageStore.pull(m.pullId()).ifPresent(pull -> {
            if (pull.failing) {
                pullFailed(pull, PullErrors.registryDown(pull.image.name(), pull.image.registry().name()));
            } else {
                log.append(new ImagePulled(node, pull.image.name(), pull.endsAt - pull.startedAt));
            }
        });
        return this;
    }

    private Behavior<Command> onRegistryChanged(RegistryChanged m) {
        if (m.up()) {
            registriesDown.remove(m.registry());
            return this;
        }
        registriesDown.add(m.registry());
        if (up) {
            for (NodeImages.Pull pull : imageStore.inFlightFrom(m.registry(), log.now())) {
                if (imageStore.pull(pull.id).isPresent()) {
                    pullFailed(pull, PullErrors.registryDown(pull.image.name(), m.registry()));
                }
            }
        }
        return this;
    }

    /**
     * A pull failed, and with it every pull that waited for a layer it fetched: each is logged, and
     * each container waiting for one fails to get its image, unless the node runs the image it has.
     */
    private void pullFailed(NodeImages.Pull failed, String error) {
        long now = log.now();
        for (NodeImages.Pull pull : imageStore.fail(failed)) {
            timers.cancel("pull:" + pull.id);
            String image = pull.image.name();
            boolean usingLocal = kind.runsLocalImageWhenPullFails() && imageStore.has(image, now);
            log.append(new ImagePullFailed(node, image, pull.image.registry().name(), error, usingLocal));
            for (String taskId : pull.waiters) {
                NodeContainer c = containers.get(taskId);
                if (c == null || c.pullId != pull.id || !c.imageWait) {
                    continue;
                }
                c.pullId = 0;
                timers.cancel(c.task.id());
                if (usingLocal) {
                    imageReady(c, 0);
                } else {
                    kind.pullFailed(c.task.id(), c.task.spec().image(), now);
                    imageFailed(c, PullErrors.ERR_IMAGE_PULL, error);
                }
            }
        }
    }

    /**
     * The container cannot have its image: Swarm's agent rejects the task with the engine's error;
     * a kubelet reports the reason and syncs the pod again after its back-off period.
     */
    private void imageFailed(NodeContainer c, String reason, String message) {
        if (kind.retriesPulls()) {
            waitForImage(c, reason, message, Kubelet.SYNC_AFTER_ERROR_NANOS);
        } else {
            c.imageWait = false;
            advance(c, TaskState.REJECTED, "preparing", PullErrors.noSuchImage(c.task.spec().image()));
        }
    }

    /** The kubelet's container waits with {@code reason}; the pod is synced again {@code syncIn} from now. */
    private void waitForImage(NodeContainer c, String reason, String message, long syncIn) {
        String waiting = reason + ": " + message;
        if (!waiting.equals(c.waiting)) {
            c.waiting = waiting;
            log.append(new TaskWaiting(c.task.id(), node, reason, message));
        }
        timers.start(c.task.id(), new ImageSync(c.task.id()), syncIn);
    }

    private Behavior<Command> onImageSync(ImageSync m) {
        NodeContainer c = containers.get(m.taskId());
        if (c != null && c.imageWait && (c.awaitingRestart || !c.state.isTerminal())) {
            ensureImage(c, c.startAfterImage);
        }
        return this;
    }

    private void applyDesired(NodeContainer c) {
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
            if (c.processRuns() && kind.drainsBeforeStop() && (hasServiceBinding(c.task) || ignoresSigterm(c))) {
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
    private void start(NodeContainer c) {
        c.awaitingRestart = false;
        c.imageWait = false;
        c.waiting = "";
        if (c.task.spec().mounts().stream().anyMatch(m -> m.type() == VolumeMount.Type.VOLUME)) {
            storage.tell(new Storage.Mount(c.task.id(), c.task.name(), node, c.task.spec().mounts(), disk.free(), mountAnswers));
            return;
        }
        starting(c);
    }

    /** The container starts: running after the image's start time, longer under a CPU limit below what it needs. */
    private void starting(NodeContainer c) {
        c.awaitingHealthy = false;
        advance(c, TaskState.STARTING, "starting", null);
        Image image = images.apply(c.task.spec().image());
        long startNanos = CpuThrottle.startNanos(image.startNanos(), image.app().cpuNanos(), c.task.spec().limits().nanoCpus());
        appStep(c, new StepDone(c.task.id(), TaskState.RUNNING), startNanos);
    }

    /** Arms the application's next step, which a pause holds back. */
    private void appStep(NodeContainer c, Command step, long delay) {
        c.appDue = log.now() + delay;
        c.appStep = step;
        timers.start(c.task.id(), step, delay);
    }

    /**
     * A volume is referenced by every container the node keeps, stopped ones too, as the engine
     * counts references; a node that is down has no engine to answer.
     */
    private Behavior<Command> onPruneVolumes(PruneVolumes m) {
        if (!up) {
            log.append(new ActionIgnored("volume_prune", node, node + " is down"));
            return this;
        }
        Set<String> referenced = new TreeSet<>();
        for (NodeContainer c : containers.values()) {
            c.task.spec().mounts().stream().filter(v -> v.type() == VolumeMount.Type.VOLUME).forEach(v -> referenced.add(v.source()));
        }
        storage.tell(new Storage.Prune(node, referenced, m.all(), m.matching(), pruneAnswers));
        return this;
    }

    private Behavior<Command> onVolumesPruned(VolumesPruned m) {
        m.removed().forEach(volume -> disk.free(VOLUME + volume));
        return this;
    }

    /**
     * The storage mounted the container's volumes, or could not: then the container fails to start
     * with the engine's error, and its restart policy (or the kubelet's back-off) follows. A container
     * gone in the meantime (a crash, a stop) gives its mounts back.
     */
    private Behavior<Command> onMounted(Mounted m) {
        NodeContainer c = up ? containers.get(m.taskId()) : null;
        boolean startable = c != null && !c.mounted && c.desired == TaskState.RUNNING
                && (c.state == TaskState.READY || c.state.isTerminal() && kind.restartsInPlace());
        if (!startable) {
            if (m.error().isEmpty() && (c == null || !c.mounted)) {
                storage.tell(new Storage.Unmount(m.taskId()));
            }
            return this;
        }
        if (m.error().isPresent()) {
            exited(c, TaskState.FAILED, "exited", m.error().get());
            return this;
        }
        c.mounted = true;
        m.created().forEach((volume, bytes) -> disk.take(VOLUME + volume, bytes));
        starting(c);
        return this;
    }

    private Behavior<Command> onStepDone(StepDone m) {
        NodeContainer c = containers.get(m.taskId());
        if (c == null || c.state.isTerminal()) {
            return this;
        }
        if (m.reached() == TaskState.READY && c.state == TaskState.PREPARING) {
            c.prepared = true;
            c.imageWait = false;
            c.waiting = "";
            advance(c, TaskState.READY, "prepared", null);
            applyDesired(c);
        } else if (m.reached() == TaskState.RUNNING && c.state == TaskState.STARTING && !c.awaitingHealthy) {
            if (kind.healthcheckStopsTask() && c.task.spec().healthcheck().isPresent()) {
                c.awaitingHealthy = true; // running once its first probe passes, in onProbeDue
            } else {
                advance(c, TaskState.RUNNING, "started", null);
            }
            Image image = images.apply(c.task.spec().image());
            image.crashAfterNanos().ifPresent(after -> appStep(c, new ContainerExit(c.task.id(), "task: non-zero exit (1)"), after));
            watchMemory(c, image.app());
            running(c);
        }
        return this;
    }

    /**
     * The container's process runs: the data plane hears of it, and the task's service binding is
     * activated at once, or at its first healthy probe when it has a healthcheck.
     */
    private void running(NodeContainer c) {
        c.everStarted = true;
        if (c.mounted) {
            storage.tell(new Storage.Started(c.task.id()));
        }
        c.health = HealthStatus.STARTING;
        toDataPlane(c, new DataPlane.ContainerStarted(node, c.task));
        Optional<HealthCheck> hc = c.task.spec().healthcheck();
        if (hc.isPresent()) {
            long now = log.now();
            ProbeSchedule probe = kind.healthcheckStopsTask() ? ProbeSchedule.healthcheck(hc.get(), now)
                    : ProbeSchedule.readiness(hc.get(), now);
            probe.setFailing(now, c.failing || c.paused);
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
    private void toDataPlane(NodeContainer c, DataPlane.Command message) {
        TaskSpec spec = c.task.spec();
        if (kind.everyContainerHasAnAddress() || !spec.networks().isEmpty() || !spec.ports().isEmpty()) {
            dataPlane.tell(message);
        }
    }

    /** The truth the data plane routes by: the application answers while it runs, passes, and has been found healthy. */
    private void updateServing(NodeContainer c) {
        boolean serving = c.processRuns() && !c.failing && !c.paused
                && (c.probe.isEmpty() || c.health == HealthStatus.HEALTHY);
        if (serving != c.serving) {
            c.serving = serving;
            toDataPlane(c, new DataPlane.ServingChanged(c.task.id(), serving));
        }
    }

    private void scheduleProbe(NodeContainer c) {
        String key = "probe:" + c.task.id();
        if (c.paused && !kind.probesWhilePaused()) {
            timers.cancel(key); // the daemon's health monitor stops while the container is paused
            return;
        }
        Optional<ProbeSchedule.Change> next = c.probe.flatMap(p -> p.next(log.now()));
        if (next.isPresent()) {
            timers.start(key, new ProbeDue(c.task.id()), Math.max(0, next.get().time() - log.now()));
        } else {
            timers.cancel(key);
        }
    }

    private Behavior<Command> onProbeDue(ProbeDue m) {
        NodeContainer c = containers.get(m.taskId());
        if (c == null || !c.processRuns() || c.probe.isEmpty()) {
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
                if (c.awaitingHealthy) {
                    c.awaitingHealthy = false;
                    advance(c, TaskState.RUNNING, "started", null); // then the controller's Start returns
                }
            } else if (ch.status() == HealthStatus.UNHEALTHY && !c.stopping) {
                updateServing(c);
                drain(c, true);
                return this;
            }
        } else {
            postReadiness(c);
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
    private void drain(NodeContainer c, boolean unhealthy) {
        c.stopping = true;
        c.unhealthy = unhealthy;
        timers.cancel("probe:" + c.task.id());
        boolean binding = hasServiceBinding(c.task);
        if (binding) {
            toDataPlane(c, new DataPlane.BindingChanged(node, c.task.id(), false));
        }
        timers.start("stop:" + c.task.id(), new Terminate(c.task.id()), binding ? GracefulStop.GOSSIP_CONVERGE_DELAY_NANOS : 0);
    }

    private Behavior<Command> onTerminate(Terminate m) {
        NodeContainer c = containers.get(m.taskId());
        if (c == null || c.state.isTerminal() || !c.stopping) {
            return this;
        }
        if (c.unhealthy || ignoresSigterm(c)) {
            timers.start("stop:" + c.task.id(), new Kill(c.task.id()), c.task.spec().stopGracePeriodNanos());
            return this;
        }
        timers.cancel(c.task.id());
        advance(c, TaskState.SHUTDOWN, "shutdown", null); // the application exits at SIGTERM
        return this;
    }

    private Behavior<Command> onKillAfterGrace(Kill m) {
        NodeContainer c = containers.get(m.taskId());
        if (c != null && !c.state.isTerminal() && c.stopping) {
            timers.cancel(c.task.id());
            if (c.unhealthy) {
                advance(c, TaskState.FAILED, "exited", UNHEALTHY_ERROR);
            } else {
                advance(c, TaskState.SHUTDOWN, "shutdown", null); // killed: the controller's Shutdown returns
            }
        }
        return this;
    }

    /** Whether the task's application ignores SIGTERM, so that stopping it takes the whole stop grace period. */
    private boolean ignoresSigterm(NodeContainer c) {
        return images.apply(c.task.spec().image()).app().sigterm().waitsForKill();
    }

    /** moby's {@code hasServiceBinding}: the task is on a network (the ingress network counts). */
    private static boolean hasServiceBinding(Task task) {
        return !task.spec().networks().isEmpty()
                || task.spec().ports().stream().anyMatch(p -> p.mode() == PublishMode.INGRESS);
    }

    private Behavior<Command> onSetHealth(SetHealth m) {
        boolean found = false;
        if (up) {
            for (NodeContainer c : containers.values()) {
                if (c.task.name().equals(m.taskName()) && !c.state.isTerminal()) {
                    found = true;
                    c.failing = !m.healthy();
                    c.probe.ifPresent(p -> p.setFailing(log.now(), c.failing || c.paused));
                    if (c.processRuns() && !c.stopping) {
                        updateServing(c);
                        scheduleProbe(c);
                    }
                }
            }
        }
        m.replyTo().tell(new HealthAnswer(m.request(), found));
        return this;
    }

    /**
     * {@code docker VERB} on the container of the named task: the one that runs (or, for a verb
     * that starts an exited container, the newest); the answer says whether there was one and why
     * the verb did nothing, if it did nothing.
     */
    private Behavior<Command> onOperate(Operate m) {
        Optional<NodeContainer> target = up ? containerOf(m.taskName()) : Optional.empty();
        Optional<ContainerVerbs.Target> seen = target.map(c -> new ContainerVerbs.Target(
                m.taskName(), c.state, c.paused, c.awaitingRestart, c.stoppingByOperator));
        boolean noneYet = seen.map(t -> !t.hasProcess() && !t.state().isTerminal()).orElse(true);
        if (up && ended.containsKey(m.taskName()) && noneYet) {
            // the exited container of the name, rather than its replacement that has none yet
            seen = Optional.of(new ContainerVerbs.Target(m.taskName(), ended.get(m.taskName()), false, false, false));
            target = Optional.empty();
        }
        Optional<String> refusal = seen.flatMap(t -> ContainerVerbs.refusal(m.verb(), t, kind.restartsInPlace()));
        if (target.isPresent() && refusal.isEmpty()) {
            operate(target.get(), m.verb());
        }
        m.replyTo().tell(new OperateAnswer(m.request(), seen.isPresent(), refusal));
        return this;
    }

    /**
     * The container of a task name here: one whose process runs; else the newest that has exited
     * (a replacement that is still being prepared has no process to act on); else the newest.
     */
    private Optional<NodeContainer> containerOf(String taskName) {
        NodeContainer exited = null;
        NodeContainer newest = null;
        for (NodeContainer c : containers.values()) {
            if (c.task.name().equals(taskName)) {
                if (c.state == TaskState.STARTING || c.state == TaskState.RUNNING) {
                    return Optional.of(c);
                }
                if (c.state.isTerminal()) {
                    exited = c;
                }
                newest = c;
            }
        }
        return Optional.ofNullable(exited != null ? exited : newest);
    }

    private void operate(NodeContainer c, ContainerVerb verb) {
        switch (verb) {
            case PAUSE -> pause(c);
            case UNPAUSE -> unpause(c, "thawed: it runs and answers again");
            case STOP -> operatorStop(c, false);
            case RESTART -> {
                if (c.state.isTerminal()) {
                    startAgain(c, verb);
                } else {
                    operatorStop(c, true);
                }
            }
            case START -> startAgain(c, verb);
            case REMOVE -> remove(c);
            default -> throw new IllegalStateException(verb.toString());
        }
    }

    /**
     * The cgroup freezer stops every process: the container keeps its memory and its task stays
     * running for the orchestrator, but answers nothing. Its own clock stops too: the rest of its
     * start, its crash and its growing memory wait for the unpause.
     */
    private void pause(NodeContainer c) {
        long now = log.now();
        boolean probed = c.probe.isPresent();
        log.append(new ContainerCommanded(c.task.id(), node, "pause", "frozen: it answers nothing"
                + (!probed ? "" : kind.probesWhilePaused() ? ", and its readiness probe times out" : ", and its health monitor stops")
                + "; the " + (kind.restartsInPlace() ? "pod" : "task") + " still runs"));
        c.paused = true;
        c.pausedAt = now;
        c.appLeft = c.appDue > now ? c.appDue - now : -1;
        c.oomLeft = c.oomDue > now ? c.oomDue - now : -1;
        if (c.appLeft >= 0) {
            timers.cancel(c.task.id());
        }
        timers.cancel("oom:" + c.task.id());
        c.probe.ifPresent(p -> p.setFailing(now, true));
        updateServing(c);
        scheduleProbe(c);
    }

    private void unpause(NodeContainer c, String detail) {
        log.append(new ContainerCommanded(c.task.id(), node, "unpause", detail));
        thaw(c);
    }

    /** The container runs again: its clock goes on, and Swarm's daemon starts a new health monitor. */
    private void thaw(NodeContainer c) {
        long now = log.now();
        c.paused = false;
        if (c.appLeft >= 0) {
            appStep(c, c.appStep, c.appLeft);
        }
        if (c.oomLeft >= 0) {
            c.oomDue = now + c.oomLeft;
            timers.start("oom:" + c.task.id(), new OomKill(c.task.id(), c.oomUsed), c.oomLeft);
        }
        c.appLeft = -1;
        c.oomLeft = -1;
        c.probe.ifPresent(p -> p.setFailing(now, c.failing));
        if (!kind.probesWhilePaused()) {
            c.probe = c.probe.map(p -> p.resumed(c.pausedAt, now));
        }
        updateServing(c);
        scheduleProbe(c);
    }

    /**
     * {@code docker stop}: SIGTERM (a paused container is thawed to take it), which the application
     * answers as its image says; one that ignores it is killed at the end of the stop grace period.
     */
    private void operatorStop(NodeContainer c, boolean restart) {
        Application app = images.apply(c.task.spec().image()).app();
        long grace = c.task.spec().stopGracePeriodNanos();
        String then = !restart ? "" : kind.restartsInPlace() ? "; then the same container starts again"
                : "; the task ends, and the container started again would run outside the service";
        log.append(new ContainerCommanded(c.task.id(), node, restart ? "restart" : "stop",
                (c.paused ? "thawed, " : "") + ContainerVerbs.sigterm(app.sigterm(), grace) + then));
        if (c.paused) {
            thaw(c);
        }
        c.restartAfterStop = restart;
        if (app.sigterm().waitsForKill()) {
            c.stoppingByOperator = true;
            timers.start("stop:" + c.task.id(), new OperatorKill(c.task.id()), grace);
        } else {
            stoppedByOperator(c, app.sigterm().exit());
        }
    }

    private Behavior<Command> onOperatorKill(OperatorKill m) {
        NodeContainer c = containers.get(m.taskId());
        if (c != null && !c.state.isTerminal() && c.stoppingByOperator) {
            stoppedByOperator(c, images.apply(c.task.spec().image()).app().sigterm().exit());
        }
        return this;
    }

    /**
     * The container exited because of an operator's stop: a restart starts the same container again
     * at once on a kubelet (the runtime did it, not the kubelet's back-off); otherwise it exits as
     * any container does.
     */
    private void stoppedByOperator(NodeContainer c, ExitStatus status) {
        boolean restart = c.restartAfterStop;
        c.stoppingByOperator = false;
        c.restartAfterStop = false;
        if (restart && kind.restartsInPlace()) {
            timers.cancel(c.task.id());
            timers.cancel("oom:" + c.task.id());
            advance(c, status.state(), status.message(), status.error().orElse(null));
            start(c);
        } else {
            exited(c, status);
        }
    }

    /**
     * {@code docker start} (or the start half of a restart) of an exited container, which only a
     * kubelet's pod has: it starts now, before its back-off is over.
     */
    private void startAgain(NodeContainer c, ContainerVerb verb) {
        log.append(new ContainerCommanded(c.task.id(), node, verb.keyword(), "started again before its back-off is over"));
        timers.cancel(c.task.id());
        if (c.prepared) {
            start(c); // the runtime starts the container it has: no kubelet asks for the image
        } else {
            startInPlace(c);
        }
    }

    /**
     * {@code docker rm -f}: SIGKILL, and the container is gone. The task fails with 137; a kubelet
     * then starts a new container at once, as there is no exited one left to back off from
     * ({@code kuberuntime_manager.go doBackOff}), once it has the image its pull policy asks for.
     */
    private void remove(NodeContainer c) {
        boolean running = !c.state.isTerminal();
        log.append(new ContainerCommanded(c.task.id(), node, "remove", (running ? "SIGKILL, and " : "") + "the container is gone"
                + (kind.restartsInPlace() ? "; the kubelet starts a new one at once, with no exited container to back off from" : "")));
        timers.cancel(c.task.id());
        if (running) {
            c.stoppingByOperator = false;
            c.restartAfterStop = false;
            timers.cancel("oom:" + c.task.id());
            ExitStatus killed = ExitStatus.of(137);
            advance(c, killed.state(), killed.message(), killed.error().orElse(null));
        }
        if (kind.restartsInPlace() && c.desired == TaskState.RUNNING) {
            // a new container: the kubelet asks for its image first, as at every start it makes
            c.awaitingRestart = true;
            startInPlace(c);
        }
    }

    private Behavior<Command> onKill(KillTask m) {
        Optional<NodeContainer> victim = !up ? Optional.empty() : containers.values().stream()
                .filter(c -> c.task.name().equals(m.taskName()) && !c.state.isTerminal())
                .findFirst();
        victim.ifPresent(c -> getContext().getSelf().tell(new ContainerExit(c.task.id(), m.error())));
        m.replyTo().tell(new KillAnswer(m.request(), victim.isPresent()));
        return this;
    }

    private Behavior<Command> onExit(ContainerExit m) {
        NodeContainer c = containers.get(m.taskId());
        if (c != null && !c.state.isTerminal()) {
            exited(c, TaskState.FAILED, "exited", m.error());
        }
        return this;
    }

    /** The container's application has ended: a kubelet restarts it after its back-off, Swarm's agent leaves it ended. */
    private void exited(NodeContainer c, TaskState state, String message, String error) {
        timers.cancel(c.task.id());
        timers.cancel("oom:" + c.task.id());
        advance(c, state, message, error);
        if (c.desired == TaskState.RUNNING) {
            kind.restartDelay(c.task.id(), log.now()).ifPresent(delay -> restartLater(c, delay));
        }
    }

    private void exited(NodeContainer c, ExitStatus status) {
        exited(c, status.state(), status.message(), status.error().orElse(null));
    }

    /**
     * Arms the OOM kill of a container that just started running, if its application's memory use
     * goes past the task's memory limit (none: never).
     */
    private void watchMemory(NodeContainer c, Application app) {
        c.oomDue = -1;
        app.memoryUse().oomAfter(c.task.spec().limits().memoryBytes()).ifPresent(after -> {
            c.oomDue = log.now() + after;
            c.oomUsed = app.memoryUse().at(after);
            timers.start("oom:" + c.task.id(), new OomKill(c.task.id(), c.oomUsed), after);
        });
    }

    private Behavior<Command> onOomKill(OomKill m) {
        NodeContainer c = containers.get(m.taskId());
        if (c != null && c.processRuns()) {
            log.append(new ContainerOomKilled(c.task.id(), node, m.usedBytes(), c.task.spec().limits().memoryBytes()));
            exited(c, ExitStatus.OOM_KILLED);
        }
        return this;
    }

    /**
     * The kubelet's restartPolicy Always: the same pod's container starts again after the back-off;
     * meanwhile it stays, until the pod is deleted.
     */
    private void restartLater(NodeContainer c, long delay) {
        c.awaitingRestart = true;
        if (delay > 0) {
            log.append(new ContainerBackOff(c.task.id(), node, delay,
                    "back-off " + Durations.format(delay) + " restarting failed container"));
        }
        timers.start(c.task.id(), new RestartContainer(c.task.id()), delay);
    }

    private Behavior<Command> onRestart(RestartContainer m) {
        NodeContainer c = containers.get(m.taskId());
        if (c != null && c.awaitingRestart) {
            startInPlace(c);
        }
        return this;
    }

    /**
     * A kubelet's pod starts its container again once it has the image its pull policy asks for (the
     * kubelet asks at every start), or tries again to create one it could not create.
     */
    private void startInPlace(NodeContainer c) {
        if (c.prepared) {
            ensureImage(c, true);
        } else {
            c.awaitingRestart = false;
            prepare(c); // a pod whose container could not be created: the kubelet tries again
        }
    }

    private void advance(NodeContainer c, TaskState state, String message, String error) {
        c.state = state;
        log.append(new TaskStateChanged(c.task.id(), node, state, message, error));
        if (state.isTerminal()) {
            stopped(c);
        }
        reportsSent++;
        if (state.isTerminal()) {
            c.endReport = reportsSent;
        }
        toManager(new Manager.TaskReports(node, host, List.of(new TaskReport(c.task.id(), state, message, error)), reportsSent));
    }

    /** The container is gone: the data plane hears of it once, and of the sandbox's end when it goes too. */
    private void stopped(NodeContainer c) {
        if (c.mounted) {
            c.mounted = false;
            storage.tell(new Storage.Unmount(c.task.id()));
        }
        timers.cancel("probe:" + c.task.id());
        timers.cancel("stop:" + c.task.id());
        timers.cancel("oom:" + c.task.id());
        c.probe = Optional.empty();
        c.stopping = false;
        c.serving = false;
        if (c.state == TaskState.SHUTDOWN || !kind.restartsInPlace()) {
            disk.free(CONTAINER + c.task.id()); // the container is removed with its layer
        }
        c.paused = false;
        c.stoppingByOperator = false;
        if (c.everStarted) {
            boolean removed = c.state == TaskState.SHUTDOWN || !kind.restartsInPlace();
            toDataPlane(c, new DataPlane.ContainerStopped(node, c.task.id(), removed));
            c.everStarted = !removed;
        }
    }

    private void toManager(Manager.Command message) {
        wire.toManager(host, message);
    }
}
