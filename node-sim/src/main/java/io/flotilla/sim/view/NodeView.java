package io.flotilla.sim.view;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeStatus;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One node as the log tells it: whether it is really up, the manager's status for it, and the
 * images on its disk.
 */
public final class NodeView {
    public final String name;
    public final NodeRole role;
    boolean up = true;
    NodeStatus believed = NodeStatus.UNKNOWN;
    Availability availability;
    final SortedSet<String> images = new TreeSet<>();

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

    /** The images on the node's disk, by name: pulled, or found there by a task; a crash keeps them. */
    public SortedSet<String> images() {
        return Collections.unmodifiableSortedSet(images);
    }
}
