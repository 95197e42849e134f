package io.flotilla.scenarios.views;

import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** One node as the log tells it up to a moment: the manager's status for it, and whether it is really up. */
public final class NodeRecord {

    final NodeDecl decl;
    Availability availability;
    NodeStatus status = NodeStatus.UNKNOWN;
    String statusMessage = "";
    long statusAt;
    boolean up = true;
    final Set<String> taints = new LinkedHashSet<>();

    NodeRecord(NodeDecl decl) {
        this.decl = decl;
        this.availability = decl.availability();
    }

    public String name() {
        return decl.name();
    }

    public NodeDecl decl() {
        return decl;
    }

    public Availability availability() {
        return availability;
    }

    /** The manager's status for the node (swarm's dispatcher, or the node lifecycle controller). */
    public NodeStatus status() {
        return status;
    }

    public String statusMessage() {
        return statusMessage;
    }

    public long statusAt() {
        return statusAt;
    }

    /** Whether the node is really up (the tools cannot see this). */
    public boolean isUp() {
        return up;
    }

    /** The taints the control plane added ({@code key:Effect}), in the order it added them. */
    public Set<String> addedTaints() {
        return Collections.unmodifiableSet(taints);
    }
}
