package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.NodeStatus;

/** The manager's record of one node: what it believes of its health and what it has sent it. */
final class NodeRecord {
    final NodeSpec spec;
    /** Written only through {@link ClusterStore}, which keeps its index of tasks on unusable nodes. */
    private NodeStatus status = NodeStatus.UNKNOWN;
    private Availability availability;
    /** Bumped whenever the node's assignments change; the node echoes the last one it saw. */
    long assignmentsVersion;
    /** How many task reports the manager has received from the node; the node echoes its count. */
    long reportsReceived;
    /** When the node is down unless it heartbeats again. */
    long deadlineAt;
    /** When the dispatcher's queue looks at this node next ({@code Long.MAX_VALUE}: not queued). */
    long deadlineCheckAt = Long.MAX_VALUE;
    int graceMultiplier = Dispatcher.GRACE_MULTIPLIER;
    /** Set by the store when it drops the record: the node was removed, or added again as a new record. */
    boolean dropped;

    NodeRecord(NodeSpec spec, Availability availability) {
        this.spec = spec;
        this.availability = availability;
    }

    String name() {
        return spec.name();
    }

    NodeStatus status() {
        return status;
    }

    Availability availability() {
        return availability;
    }

    /** Only {@link ClusterStore#setStatus} calls this. */
    void status(NodeStatus status) {
        this.status = status;
    }

    /** Only {@link ClusterStore#setAvailability} calls this. */
    void availability(Availability availability) {
        this.availability = availability;
    }

    Node snapshot() {
        return new Node(spec, status, availability);
    }

    /** Swarmkit's {@code InvalidNode}: tasks here must move (down, drained or gone). */
    boolean isInvalid() {
        return status == NodeStatus.DOWN || availability == Availability.DRAIN;
    }
}
