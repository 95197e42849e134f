package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** A service was created, scaled or given a new spec ({@code change}: create, scale, update, rollback). */
public record ServiceChanged(String service, String change, int version, int replicas, String image)
        implements Event {
    @Override
    public String type() {
        return "service." + change;
    }
}
