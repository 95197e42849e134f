package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.control.FoundByHost;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.kernel.TimeQueue;
import java.util.SplittableRandom;

/**
 * Swarmkit's dispatcher ({@code manager/dispatcher}): every heartbeat is answered with the next
 * period, drawn within period ± epsilon; a node that stays silent for period × 3 is marked
 * down. After a leader change every node is unknown, and the grace is doubled until it reports.
 *
 * <p>Deadlines wait in one queue behind a single sweep timer rather than one timer per node, and
 * a heartbeat only moves its node's deadline: the node's entry, when it comes up, either finds
 * the deadline passed (the node is down) or goes back in the queue at the new deadline. So a node
 * costs one queue entry per grace period instead of a timer cancelled and armed per heartbeat.
 * The queue holds the records themselves, so a sweep does not look each node up by name.
 *
 * <p>The dispatcher writes node status to the store and tells {@link NodeEvents} what changed; it
 * answers nodes through a {@link NodeChannel}.
 */
final class Dispatcher {

    static final int GRACE_MULTIPLIER = 3;
    /** swarmkit's {@code defaultNodeDownPeriod}: after this long down, a node's tasks are orphaned. */
    static final long NODE_DOWN_PERIOD_NANOS = 24L * 3600 * 1_000_000_000L;
    static final String HEARTBEAT_FAILURE = "heartbeat failure";
    static final String UNKNOWN_HEARTBEAT_FAILURE = "heartbeat failure for node in \"unknown\" state";
    static final String LEADERSHIP_CHANGE = "Node moved to \"unknown\" state due to leadership change in cluster";

    private final ClusterStore store;
    private final SwarmSettings settings;
    private final SplittableRandom random;
    private final Timers timers;
    private final EventSink events;
    private final NodeChannel nodes;
    private final NodeEvents nodeEvents;
    private final TaskLifecycle tasks;
    /** Nodes by when to look at their deadline again; entries due at the same instant keep their order. */
    private final TimeQueue<NodeRecord> deadlines = new TimeQueue<>();
    private long sweepAt = Long.MAX_VALUE;
    /** The nodes' records by their index on the wire; a record replaced or removed is marked dropped. */
    private final FoundByHost<NodeRecord> byHost;

    Dispatcher(ClusterStore store, SwarmSettings settings, SplittableRandom random, Timers timers, EventSink events,
            NodeChannel nodes, NodeEvents nodeEvents, TaskLifecycle tasks) {
        this.store = store;
        this.byHost = new FoundByHost<>(store.nodes::get, record -> record.dropped);
        this.settings = settings;
        this.random = random;
        this.timers = timers;
        this.events = events;
        this.nodes = nodes;
        this.nodeEvents = nodeEvents;
        this.tasks = tasks;
    }

    void expectFirstHeartbeat(String node) {
        NodeRecord record = store.nodes.get(node);
        record.graceMultiplier = settings.missedHeartbeats();
        armDeadline(record, settings.heartbeatPeriodNanos());
    }

    void heartbeat(String node, long reportsSent, long assignmentsSeen) {
        NodeRecord record = store.nodes.get(node);
        if (record == null) {
            return;
        }
        if (record.status() != NodeStatus.READY) {
            boolean wasDown = record.status() == NodeStatus.DOWN;
            timers.cancel(new ControlTimer.NodeDownExpired(node));
            setStatus(record, NodeStatus.READY, "heartbeat received");
            record.graceMultiplier = settings.missedHeartbeats();
            nodeEvents.nodeReady(node);
            if (wasDown) {
                nodes.resendAssignments(node);
            }
        }
        long period = nextPeriod();
        armDeadline(record, period);
        if (assignmentsSeen >= 0 && assignmentsSeen != record.assignmentsVersion) {
            nodes.resendAssignments(node);
        }
        nodes.ack(node, period, reportsSent != record.reportsReceived);
    }

    /**
     * The common heartbeat, of a ready node in step with the manager whose deadline moves later
     * than its queued check whatever period is drawn: draws the period and moves the deadline, as
     * {@link #heartbeat} would, and returns the period; otherwise changes nothing and returns
     * {@link ControlPlaneInputs#NOT_QUIET}.
     */
    long quietHeartbeat(int host, String node, long reportsSent, long assignmentsSeen) {
        NodeRecord record = record(host, node);
        if (record == null || record.status() != NodeStatus.READY || reportsSent != record.reportsReceived
                || (assignmentsSeen >= 0 && assignmentsSeen != record.assignmentsVersion)
                || timers.now() + shortestPeriod() * record.graceMultiplier < record.deadlineCheckAt) {
            return ControlPlaneInputs.NOT_QUIET;
        }
        long period = nextPeriod();
        armDeadline(record, period); // later than the queued check, so no check is armed
        return period;
    }

    /** The store's record of {@code node}, at {@code host} on the wire. */
    NodeRecord record(int host, String node) {
        return byHost.get(host, node);
    }

    /**
     * The sweep timer fired: every node whose newest deadline has passed is down. The next sweep
     * is armed once, at the end: arming it for each node put back in the queue would leave a
     * cancelled timer behind each time, waiting in the clock's queue for a grace period.
     */
    void sweep() {
        sweepAt = Long.MIN_VALUE; // no check arms a sweep until this one is over
        long now = timers.now();
        while (!deadlines.isEmpty() && deadlines.peekTime() <= now) {
            long at = deadlines.peekTime();
            NodeRecord record = deadlines.poll();
            if (record.dropped || record.deadlineCheckAt != at) {
                continue; // no longer in the store, or an earlier check replaced this one
            }
            record.deadlineCheckAt = Long.MAX_VALUE;
            if (record.deadlineAt <= now) {
                deadline(record);
            } else {
                check(record, record.deadlineAt);
            }
        }
        sweepAt = Long.MAX_VALUE;
        if (!deadlines.isEmpty()) {
            armSweep(deadlines.peekTime());
        }
    }

    /**
     * The sweep, when no node it reaches goes down: a due node whose deadline has passed (and is
     * not down already) makes it return false without sweeping.
     */
    boolean quietSweep() {
        long now = timers.now();
        if (deadlines.anyDue(now, record -> !record.dropped && record.status() != NodeStatus.DOWN
                && record.deadlineAt <= now)) {
            return false;
        }
        sweep();
        return true;
    }

    private void deadline(NodeRecord record) {
        String node = record.name();
        if (record.status() == NodeStatus.DOWN) {
            return;
        }
        String message = record.status() == NodeStatus.UNKNOWN && record.graceMultiplier > settings.missedHeartbeats()
                ? UNKNOWN_HEARTBEAT_FAILURE
                : HEARTBEAT_FAILURE;
        setStatus(record, NodeStatus.DOWN, message);
        timers.start(new ControlTimer.NodeDownExpired(node), NODE_DOWN_PERIOD_NANOS);
        nodeEvents.nodeLost(node, "node down");
    }

    /** swarmkit's {@code moveTasksToOrphaned}: the resources its tasks held are free for others. */
    void nodeDownExpired(String node) {
        NodeRecord record = store.nodes.get(node);
        if (record == null || record.status() != NodeStatus.DOWN) {
            return;
        }
        for (Task t : store.tasksOn(node)) {
            if (t.state().compareTo(TaskState.ASSIGNED) >= 0 && t.state().compareTo(TaskState.RUNNING) <= 0) {
                tasks.observe(t.id(), TaskState.ORPHANED, "node down for 24h", null);
            }
        }
        nodeEvents.tasksOrphaned(node);
    }

    void leaderElected() {
        deadlines.clear(); // a sweep that fired without a leader was dropped: start afresh
        sweepAt = Long.MAX_VALUE;
        for (NodeRecord record : store.nodes.values()) {
            record.deadlineCheckAt = Long.MAX_VALUE;
            if (record.status() != NodeStatus.DOWN) {
                setStatus(record, NodeStatus.UNKNOWN, LEADERSHIP_CHANGE);
            }
            record.graceMultiplier = 2 * settings.missedHeartbeats();
            // Swarmkit's AddUnknown draws the period too (period ± epsilon) before doubling the
            // grace, so an unknown node is down 27s to 33s after the election, not exactly 30s.
            armDeadline(record, nextPeriod());
        }
    }

    private long nextPeriod() {
        long eps = settings.heartbeatEpsilonNanos();
        long ms = eps == 0 ? 0 : random.nextLong(-eps / 1_000_000, eps / 1_000_000 + 1);
        return settings.heartbeatPeriodNanos() + ms * 1_000_000;
    }

    private long shortestPeriod() {
        return settings.heartbeatPeriodNanos() - settings.heartbeatEpsilonNanos() / 1_000_000 * 1_000_000;
    }

    private void armDeadline(NodeRecord record, long period) {
        record.deadlineAt = timers.now() + period * record.graceMultiplier;
        if (record.deadlineAt < record.deadlineCheckAt) {
            check(record, record.deadlineAt);
        }
    }

    private void check(NodeRecord record, long at) {
        record.deadlineCheckAt = at;
        deadlines.add(at, record);
        if (at < sweepAt) {
            armSweep(at);
        }
    }

    private void armSweep(long at) {
        sweepAt = at;
        timers.start(ControlTimer.HeartbeatSweep.INSTANCE, at - timers.now());
    }

    private void setStatus(NodeRecord record, NodeStatus status, String message) {
        if (record.status() != status) {
            store.setStatus(record, status);
            events.log(new NodeStatusChanged(record.name(), status, message));
        }
    }
}
