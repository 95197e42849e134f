package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.sim.events.NodeStatusChanged;
import java.util.SplittableRandom;

/**
 * Swarmkit's dispatcher ({@code manager/dispatcher}): every heartbeat is answered with the next
 * period, drawn within period ± epsilon; a node that stays silent for period × 3 is marked
 * down. After a leader change every node is unknown, and the grace is doubled until it reports.
 */
final class Dispatcher {

    static final int GRACE_MULTIPLIER = 3;
    static final String HEARTBEAT_FAILURE = "heartbeat failure";
    static final String UNKNOWN_HEARTBEAT_FAILURE = "heartbeat failure for node in \"unknown\" state";
    static final String LEADERSHIP_CHANGE = "Node moved to \"unknown\" state due to leadership change in cluster";

    private final ControlPlane plane;
    private final SwarmSettings settings;
    private final SplittableRandom random;

    Dispatcher(ControlPlane plane, SwarmSettings settings, SplittableRandom random) {
        this.plane = plane;
        this.settings = settings;
        this.random = random;
    }

    void expectFirstHeartbeat(String node) {
        NodeRecord record = plane.store.nodes.get(node);
        record.graceMultiplier = settings.missedHeartbeats();
        armDeadline(record, settings.heartbeatPeriodNanos());
    }

    void heartbeat(String node, long reportsSent, long assignmentsSeen) {
        NodeRecord record = plane.store.nodes.get(node);
        if (record == null) {
            return;
        }
        if (record.status != NodeStatus.READY) {
            boolean wasDown = record.status == NodeStatus.DOWN;
            setStatus(record, NodeStatus.READY, "heartbeat received");
            record.graceMultiplier = settings.missedHeartbeats();
            plane.dirtyAllServices();
            plane.scheduler.requestTick();
            if (wasDown) {
                plane.sendFull(node);
            }
        }
        long period = nextPeriod();
        armDeadline(record, period);
        if (assignmentsSeen >= 0 && assignmentsSeen != record.assignmentsVersion) {
            plane.sendFull(node);
        }
        plane.effects.ackHeartbeat(node, period, reportsSent != record.reportsReceived);
    }

    void deadline(String node) {
        NodeRecord record = plane.store.nodes.get(node);
        if (record == null || record.status == NodeStatus.DOWN) {
            return;
        }
        String message = record.status == NodeStatus.UNKNOWN && record.graceMultiplier > settings.missedHeartbeats()
                ? UNKNOWN_HEARTBEAT_FAILURE
                : HEARTBEAT_FAILURE;
        setStatus(record, NodeStatus.DOWN, message);
        plane.store.tasksOn(node).forEach(t -> plane.orchestrator.taskOnInvalidNode(t, "node down"));
        plane.dirtyAllServices();
    }

    void leaderElected() {
        for (NodeRecord record : plane.store.nodes.values()) {
            if (record.status != NodeStatus.DOWN) {
                setStatus(record, NodeStatus.UNKNOWN, LEADERSHIP_CHANGE);
            }
            record.graceMultiplier = 2 * settings.missedHeartbeats();
            armDeadline(record, settings.heartbeatPeriodNanos());
        }
    }

    private long nextPeriod() {
        long eps = settings.heartbeatEpsilonNanos();
        long ms = eps == 0 ? 0 : random.nextLong(-eps / 1_000_000, eps / 1_000_000 + 1);
        return settings.heartbeatPeriodNanos() + ms * 1_000_000;
    }

    private void armDeadline(NodeRecord record, long period) {
        plane.effects.startTimer(new ControlTimer.HeartbeatDeadline(record.name()), period * record.graceMultiplier);
    }

    private void setStatus(NodeRecord record, NodeStatus status, String message) {
        if (record.status != status) {
            record.status = status;
            plane.effects.log(new NodeStatusChanged(record.name(), status, message));
        }
    }
}
