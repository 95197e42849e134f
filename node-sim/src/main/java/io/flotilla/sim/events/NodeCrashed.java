package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: the node stopped dead; its containers are gone and it sends nothing. */
public record NodeCrashed(String node) implements Event {
    @Override
    public String type() {
        return "node.crash";
    }
}
