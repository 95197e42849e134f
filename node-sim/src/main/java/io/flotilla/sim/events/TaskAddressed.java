package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * A task (a pod) got {@code address} on {@code network}: the Swarm allocator's (overlay networks,
 * ingress included, when the task is created), the node's own (bridge and macvlan, when its container
 * starts), or the pod IP (when the pod's sandbox starts; logged for each network its service names).
 */
public record TaskAddressed(String task, String network, String address) implements Event {
    @Override
    public String type() {
        return "task.address";
    }
}
