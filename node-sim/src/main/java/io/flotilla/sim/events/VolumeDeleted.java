package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: the volume is gone, with its data. */
public record VolumeDeleted(String volume, String on) implements Event {
    @Override
    public String type() {
        return "volume.delete";
    }
}
