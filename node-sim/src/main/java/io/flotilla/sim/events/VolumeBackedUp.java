package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: a snapshot named {@code backup} was taken of the volume's content as it is now. */
public record VolumeBackedUp(String volume, String on, String backup) implements Event {
    @Override
    public String type() {
        return "volume.backup";
    }
}
