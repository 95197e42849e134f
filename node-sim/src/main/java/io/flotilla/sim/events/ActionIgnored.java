package io.flotilla.sim.events;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.sim.kernel.Event;

/**
 * A timeline action that changed nothing, and why: a {@code crash} of a node already down, a
 * {@code restart} of a node that is up, a {@code kill_task} of a task no node runs. {@code action}
 * is the scenario's word for it and {@code target} the node or task it names.
 */
public record ActionIgnored(String action, String target, String reason) implements Event {

    /** A {@code drain}, {@code pause} or {@code activate} of a node that already has that availability. */
    public static ActionIgnored availabilityUnchanged(String node, Availability availability) {
        String action = switch (availability) {
            case ACTIVE -> "activate";
            case PAUSE -> "pause";
            case DRAIN -> "drain";
        };
        return new ActionIgnored(action, node, node + " is already " + describe(availability));
    }

    /** A node's availability in an operator's words: active, paused, drained. */
    public static String describe(Availability availability) {
        return switch (availability) {
            case ACTIVE -> "active";
            case PAUSE -> "paused";
            case DRAIN -> "drained";
        };
    }

    /** A {@code scale} of a workload to the replica count it already has. */
    public static ActionIgnored scaleUnchanged(String workload, int replicas) {
        return new ActionIgnored("scale", workload, workload + " already has " + replicas + (replicas == 1 ? " replica" : " replicas"));
    }
    @Override
    public String type() {
        return "action.ignored";
    }
}
