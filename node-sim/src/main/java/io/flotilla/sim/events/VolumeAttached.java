package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: {@code node} has the volume now (a network volume attached, a node volume in use). */
public record VolumeAttached(String volume, String on, String node) implements Event {
    @Override
    public String type() {
        return "volume.attach";
    }
}
