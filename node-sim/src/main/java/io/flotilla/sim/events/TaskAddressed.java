package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** A task (a pod) got {@code address} on {@code network}: the Swarm allocator's, or the pod IP. */
public record TaskAddressed(String task, String network, String address) implements Event {
    @Override
    public String type() {
        return "task.address";
    }
}
