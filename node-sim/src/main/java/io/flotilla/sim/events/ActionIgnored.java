package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * A timeline action that changed nothing, and why: a {@code crash} of a node already down, a
 * {@code restart} of a node that is up, a {@code kill_task} of a task no node runs. {@code action}
 * is the scenario's word for it and {@code target} the node or task it names.
 */
public record ActionIgnored(String action, String target, String reason) implements Event {
    @Override
    public String type() {
        return "action.ignored";
    }
}
