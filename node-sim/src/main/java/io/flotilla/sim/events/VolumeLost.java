package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: the volume's data cannot be reached: the node whose disk holds it ({@code on}) is down. */
public record VolumeLost(String volume, String on) implements Event {
    @Override
    public String type() {
        return "volume.lost";
    }
}
