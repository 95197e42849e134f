package io.flotilla.sim.events;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.sim.kernel.Event;

/** The operator set the node's availability (active, pause, drain). */
public record NodeAvailabilityChanged(String node, Availability availability) implements Event {
    @Override
    public String type() {
        return "node.availability";
    }
}
