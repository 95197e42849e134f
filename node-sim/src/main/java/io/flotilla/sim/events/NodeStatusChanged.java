package io.flotilla.sim.events;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.sim.kernel.Event;

/** Belief: the manager marked the node ready, down or unknown, with swarmkit's message. */
public record NodeStatusChanged(String node, NodeStatus status, String message) implements Event {
    @Override
    public String type() {
        return "node.status";
    }
}
