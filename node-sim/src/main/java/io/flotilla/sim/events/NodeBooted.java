package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: the node is up again, with no containers, and registers with the manager. */
public record NodeBooted(String node) implements Event {
    @Override
    public String type() {
        return "node.boot";
    }
}
