package io.flotilla.sim.view;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeStatus;
import java.util.Locale;

/** One node as the log tells it: whether it is really up, and the manager's status for it. */
public final class NodeView {
    public final String name;
    public final NodeRole role;
    boolean up = true;
    NodeStatus believed = NodeStatus.UNKNOWN;
    Availability availability;

    NodeView(String name, NodeRole role, Availability availability) {
        this.name = name;
        this.role = role;
        this.availability = availability;
    }

    /**
     * {@code down} from the instant a node crashes; otherwise what the manager says (a node cut off
     * by a partition is up, and shows {@code down} once the manager has marked it so).
     */
    public String state() {
        return up ? believed.name().toLowerCase(Locale.ROOT) : "down";
    }

    public String believed() {
        return believed.name().toLowerCase(Locale.ROOT);
    }

    public boolean isUp() {
        return up;
    }

    public Availability availability() {
        return availability;
    }
}
