package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.SecretChange;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.ControlPlaneEffects;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.control.NetworkSetup;
import io.flotilla.sim.control.Outbox;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.ServiceChanged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;

/**
 * The Swarm manager's logic. Each entry point handles one input (a heartbeat, a task report, a
 * timer, an operator command), lets the orchestrators reconcile what changed, and then sends each
 * node the assignments that changed for it. While the managers have no leader, nothing here runs:
 * the {@code Manager} actor holds inputs back until a leader is elected.
 *
 * <p>This class owns the inputs and the wiring: it builds the parts, each with only what it uses,
 * and lets them hear of node and task changes (see the package description).
 */
public final class ControlPlane implements ControlPlaneInputs {

    final ClusterStore store = new ClusterStore();
    final ControlPlaneEffects effects;
    private final Allocator allocator;
    private final TaskLifecycle tasks;
    private final Dispatcher dispatcher;
    private final Orchestrator orchestrator;
    private final RestartSupervisor restarts;
    private final Updater updater;
    private final SchedulerLoop scheduler;
    /** Node changes, heard by the scheduler, then the orchestrators, then the restart supervisor. */
    private final NodeEvents nodeEvents;

    private final Outbox outbox;
    private final Set<String> dirtyServices = new LinkedHashSet<>();
    /** Statefulsets, run as one service per ordinal. */
    private final StatefulSets statefulSets = new StatefulSets();

    public ControlPlane(
            ControlPlaneEffects effects, SwarmSettings settings, List<NetworkSetup> networks, SplittableRandom random,
            Set<String> explainTasks) {
        this.effects = effects;
        this.outbox = new Outbox(effects, this::nextAssignmentsVersion);
        Timers timers = new EffectTimers();
        EventSink events = effects::log;
        ReconcileQueue reconcile = new DirtyServices();
        this.allocator = new Allocator(networks);
        this.tasks = new TaskLifecycle(store, events, allocator, this::assignmentChanged, reconcile);
        this.restarts = new RestartSupervisor(store, tasks, timers);
        this.orchestrator = new Orchestrator(store, tasks, restarts, reconcile);
        this.updater = new Updater(store, tasks, restarts, timers, events, reconcile);
        this.scheduler = new SchedulerLoop(store, tasks, timers, events, explainTasks);
        tasks.watch(scheduler);
        tasks.watch(updater);
        tasks.watch(restarts);
        tasks.watch(new AddressNews());
        tasks.watch(new PinNews());
        this.nodeEvents = NodeEvents.inOrder(scheduler, orchestrator, restarts);
        this.dispatcher = new Dispatcher(store, settings, random, timers, events, new Sessions(), nodeEvents, tasks);
    }

    // ---- inputs -------------------------------------------------------------------------

    @Override
    public void addNode(NodeSpec spec, Availability availability) {
        store.addNode(new NodeRecord(spec, availability));
        dispatcher.expectFirstHeartbeat(spec.name());
        settle();
    }

    public void removeNode(String node) {
        if (store.removeNode(node).isPresent()) {
            nodeEvents.nodeLost(node, "node removed");
            settle();
        }
    }

    @Override
    public void heartbeat(String node, long reportsSent, long assignmentsSeen) {
        dispatcher.heartbeat(node, reportsSent, assignmentsSeen);
        settle();
    }

    @Override
    public long quietHeartbeat(int host, String node, long reportsSent, long assignmentsSeen) {
        return settled() ? dispatcher.quietHeartbeat(host, node, reportsSent, assignmentsSeen) : NOT_QUIET;
    }

    /** Whether {@link #settle} would do nothing now, as it should between inputs. */
    private boolean settled() {
        return dirtyServices.isEmpty() && outbox.isEmpty();
    }

    @Override
    public void reports(String node, List<TaskReport> reports, long reportsSent) {
        reports(store.nodes.get(node), reports, reportsSent);
    }

    @Override
    public void reports(int host, String node, List<TaskReport> reports, long reportsSent) {
        reports(dispatcher.record(host, node), reports, reportsSent);
    }

    private void reports(NodeRecord record, List<TaskReport> reports, long reportsSent) {
        if (record == null) {
            return;
        }
        reports.forEach(r -> tasks.observe(r.taskId(), r.state(), r.message(), r.error()));
        // a batch that skips one comes after lost reports: the gap shows at the next heartbeat,
        // which then asks the node for every report again
        if (reportsSent == record.reportsReceived + 1) {
            record.reportsReceived = reportsSent;
        }
        applyPins();
        settle();
    }

    /**
     * A node starts a session: after a boot it has nothing but what it reports (a node registers
     * again until the manager answers), so whatever else the manager thought it ran is lost;
     * otherwise it resends every report. Either way it gets all its assignments again.
     */
    @Override
    public void register(String node, boolean booted, List<TaskReport> reports, long reportsSent) {
        NodeRecord record = store.nodes.get(node);
        if (record == null) {
            return;
        }
        if (booted) {
            Set<String> reported = new HashSet<>();
            reports.forEach(r -> reported.add(r.taskId()));
            for (Task t : store.tasksOn(node)) {
                if (!reported.contains(t.id()) && !t.state().isTerminal() && t.state().compareTo(TaskState.ASSIGNED) >= 0) {
                    tasks.observe(t.id(), TaskState.FAILED, "task lost when its node restarted", "node restarted");
                }
            }
        }
        reports.forEach(r -> tasks.observe(r.taskId(), r.state(), r.message(), r.error()));
        record.reportsReceived = reportsSent;
        applyPins();
        dispatcher.heartbeat(node, reportsSent, -1);
        sendFull(node);
        settle();
    }

    @Override
    public void timer(ControlPlaneTimer timer) {
        if (timer instanceof ControlTimer.HeartbeatSweep) {
            dispatcher.sweep();
        } else if (timer instanceof ControlTimer.NodeDownExpired d) {
            dispatcher.nodeDownExpired(d.node());
        } else if (timer instanceof ControlTimer.SchedulerTick) {
            scheduler.tick();
        } else if (timer instanceof ControlTimer.StartReplacement s) {
            restarts.startReplacement(s.taskId());
        } else if (timer instanceof ControlTimer.UpdateStep s) {
            updater.step(s.service(), s.worker());
        } else if (timer instanceof ControlTimer.UpdateMonitorDone m) {
            updater.monitorDone(m.service());
        }
        settle();
    }

    /** A sweep that finds no node down only moves checks along and arms the next sweep. */
    @Override
    public boolean quietTimer(ControlPlaneTimer timer) {
        return timer instanceof ControlTimer.HeartbeatSweep && settled() && dispatcher.quietSweep();
    }

    /** A new leader: every node is unknown until it heartbeats again, with a doubled grace period. */
    @Override
    public void leaderElected() {
        dispatcher.leaderElected();
        dirtyAllServices();
        settle();
    }

    @Override
    public void setAvailability(String node, Availability availability) {
        NodeRecord record = store.nodes.get(node);
        if (record == null) {
            return;
        }
        if (record.availability() == availability) {
            effects.log(ActionIgnored.availabilityUnchanged(node, availability));
            return;
        }
        store.setAvailability(record, availability);
        effects.log(new NodeAvailabilityChanged(node, availability));
        nodeEvents.availabilityChanged(node, availability);
        settle();
    }

    /** Creates the service, or updates it to {@code spec}; the Kubernetes-only {@code pods} mean nothing to Swarm. */
    @Override
    public void deploy(ServiceSpec given, KubernetesPodSpec pods) {
        // docker stack deploy leaves out what a swarm service cannot have (privileged, security_opt)
        deploy(given.withTask(given.task().forSwarm()), Optional.empty());
    }

    /**
     * {@link #deploy(ServiceSpec, KubernetesPodSpec)} of a spec as Swarm runs it, for a service that runs
     * an ordinal of {@code statefulSet} when there is one.
     */
    private void deploy(ServiceSpec spec, Optional<String> statefulSet) {
        ServiceRecord existing = store.services.get(spec.name());
        if (existing != null) {
            updateService(spec.name(), spec, false, "update");
            return;
        }
        ServiceRecord record = new ServiceRecord(spec, store.services.size());
        record.statefulSet = statefulSet;
        store.services.put(spec.name(), record);
        allocator.serviceCreated(spec);
        effects.log(new ServiceChanged(spec.name(), "create", record.version, spec.replicas(), spec.task().image()));
        effects.serviceDeclared(spec, allocator.vips(spec.name()));
        dirtyServices.add(spec.name());
        settle();
    }

    @Override
    public void createStorageClass(StorageClassSpec spec) {
        statefulSets.storageClass(spec);
    }

    /**
     * Deploys a statefulset as its ordinals' services ({@link StatefulSets}), or redeploys them with
     * the new spec (a pinned ordinal stays pinned); ordinals above the replica count run none.
     */
    @Override
    public void deployStatefulSet(StatefulSetSpec spec, KubernetesPodSpec pods) {
        int before = statefulSets.get(spec.name()).map(StatefulSetSpec::replicas).orElse(0);
        // as for a service, what a swarm service cannot have is left out, once for every ordinal
        StatefulSetSpec swarm = spec.withTask(spec.task().forSwarm());
        statefulSets.put(swarm);
        for (int i = 0; i < Math.max(before, swarm.replicas()); i++) {
            deployOrdinal(swarm, i);
        }
    }

    private void deployOrdinal(StatefulSetSpec set, int ordinal) {
        ServiceSpec spec = statefulSets.ordinal(set, ordinal, ordinal < set.replicas() ? 1 : 0);
        ServiceRecord existing = store.services.get(spec.name());
        if (existing == null || !existing.spec.equals(spec)) {
            deploy(spec, Optional.of(set.name()));
        }
    }

    /** The ordinals whose volumes a task report showed on a node are pinned there, as an operator would. */
    private void applyPins() {
        statefulSets.takePending().forEach((service, node) -> {
            ServiceRecord record = store.services.get(service);
            String owner = record.statefulSet.orElseThrow();
            StatefulSetSpec set = statefulSets.get(owner).orElseThrow();
            ServiceSpec pinned = statefulSets.ordinal(set, Integer.parseInt(service.substring(owner.length() + 1)),
                    record.spec.replicas());
            updateService(service, pinned, false, "pin");
        });
    }

    @Override
    public void scale(String service, int replicas) {
        Optional<StatefulSetSpec> set = statefulSets.get(service);
        ServiceRecord record = store.services.get(service);
        int current = set.map(StatefulSetSpec::replicas).orElse(record == null ? -1 : record.spec.replicas());
        if (current == replicas) {
            effects.log(ActionIgnored.scaleUnchanged(service, replicas));
            return;
        }
        if (set.isPresent()) {
            deployStatefulSet(set.get().withReplicas(replicas), KubernetesPodSpec.NONE);
            return;
        }
        if (record == null) {
            return;
        }
        record.spec = record.spec.withReplicas(replicas);
        effects.log(new ServiceChanged(service, "scale", record.version, replicas, record.spec.task().image()));
        dirtyServices.add(service);
        settle();
        // The orchestrator hands the changed spec to the updater: an update in progress is cancelled
        // and run again over the slots the service keeps (swarmkit's UpdateSupervisor.Update).
        updater.rerun(record);
        settle();
    }

    /** A new task template (image, secrets...) and update settings start a rolling update. */
    @Override
    public void update(String service, Optional<String> image, SecretChange secrets, Optional<UpdateConfig> config,
            boolean force) {
        Optional<StatefulSetSpec> set = statefulSets.get(service);
        if (set.isPresent()) {
            // Each ordinal's service is updated: docker service update on db-0, db-1, ...
            statefulSets.put(set.get().withTask(image.map(set.get().task()::withImage).orElse(set.get().task())));
            for (int i = 0; i < set.get().replicas(); i++) {
                String ordinal = service + "-" + i;
                ServiceRecord record = store.services.get(ordinal);
                ServiceSpec next = statefulSets.ordinal(statefulSets.get(service).orElseThrow(), i, record.spec.replicas());
                updateService(ordinal, config.map(c -> new ServiceSpec(next.name(), next.mode(), next.replicas(), next.task(), c,
                        next.rollback(), next.endpointMode())).orElse(next), force, "update");
            }
            return;
        }
        ServiceRecord record = store.services.get(service);
        if (record == null) {
            return;
        }
        ServiceSpec next = record.spec.updated(image, config);
        updateService(service, next.withTask(secrets.apply(next.task())), force, "update");
    }

    private void updateService(String service, ServiceSpec next, boolean force, String change) {
        ServiceRecord record = store.services.get(service);
        record.previous = Optional.of(record.spec);
        record.spec = next;
        record.version++;
        if (force) {
            record.forcedAt = record.version;
        }
        effects.log(new ServiceChanged(service, change, record.version, next.replicas(), next.task().image()));
        updater.start(record, next.update(), false);
        dirtyServices.add(service);
        settle();
    }

    // ---- what the parts reach through their narrow interfaces ------------------------------

    /** The {@link AssignmentOutbox}: a node hears only of tasks dispatched to it. */
    private void assignmentChanged(Task task) {
        if (dispatched(task)) {
            sendLater(task);
        }
    }

    /** The {@link ReconcileQueue}: services reconciled when {@link #settle} runs. */
    private final class DirtyServices implements ReconcileQueue {
        @Override
        public void add(String service) {
            dirty(service);
        }

        @Override
        public void addAll() {
            dirtyAllServices();
        }
    }

    /** Tells the data plane the addresses the allocator gave each new task, for the node that will run it. */
    private final class AddressNews implements TaskWatcher {
        @Override
        public void created(Task task) {
            SortedMap<String, String> addresses = allocator.addressesOf(task.id());
            if (!addresses.isEmpty()) {
                effects.taskAddressed(task.id(), addresses);
            }
        }
    }

    /** Tells the statefulsets where an ordinal's first task started, and so where its local volume is. */
    private final class PinNews implements TaskWatcher {
        @Override
        public void observed(Task task) {
            statefulSets.observed(task);
        }
    }

    /** The dispatcher's {@link NodeChannel}. */
    private final class Sessions implements NodeChannel {
        @Override
        public void ack(String node, long nextPeriodNanos, boolean resendReports) {
            effects.ackHeartbeat(node, nextPeriodNanos, resendReports);
        }

        @Override
        public void resendAssignments(String node) {
            sendFull(node);
        }
    }

    /** The parts' {@link Timers}, on the manager's effects. */
    private final class EffectTimers implements Timers {
        @Override
        public long now() {
            return effects.now();
        }

        @Override
        public void start(ControlTimer timer, long delayNanos) {
            effects.startTimer(timer, delayNanos);
        }

        @Override
        public void cancel(ControlTimer timer) {
            effects.cancelTimer(timer);
        }
    }

    // ---- assignments ----------------------------------------------------------------------

    void sendLater(Task task) {
        outbox.later(task);
    }

    void dirtyAllServices() {
        dirtyServices.addAll(store.services.keySet());
    }

    void dirty(String service) {
        dirtyServices.add(service);
    }

    /** Everything the node should run now, for a full resync. */
    List<Assignment> assignmentsOf(String node) {
        List<Assignment> out = new ArrayList<>();
        for (Task t : store.tasksOn(node)) {
            if (dispatched(t) && (!t.state().isTerminal() || t.desired().compareTo(TaskState.RUNNING) <= 0)) {
                out.add(new Assignment(t, t.desired()));
            }
        }
        return out;
    }

    /**
     * Whether the node may know of the task: swarmkit's dispatcher sends a node only tasks the
     * scheduler has assigned to it (a global task is preassigned, but waits for the scheduler to
     * confirm that it fits before it is sent).
     */
    private static boolean dispatched(Task t) {
        return t.isAssigned() && t.state().compareTo(TaskState.ASSIGNED) >= 0;
    }

    void sendFull(String node) {
        outbox.full(node, assignmentsOf(node));
    }

    private OptionalLong nextAssignmentsVersion(String node) {
        NodeRecord record = store.nodes.get(node);
        return record == null ? OptionalLong.empty() : OptionalLong.of(++record.assignmentsVersion);
    }

    /** Reconcile what changed, then send every node what changed for it. */
    private void settle() {
        while (!dirtyServices.isEmpty()) {
            List<String> batch = new ArrayList<>(dirtyServices);
            dirtyServices.clear();
            for (String service : batch) {
                ServiceRecord record = store.services.get(service);
                if (record != null) {
                    orchestrator.reconcile(record);
                }
            }
        }
        outbox.flush();
    }
}
