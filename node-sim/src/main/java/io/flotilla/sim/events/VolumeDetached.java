package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: no node has the volume now; {@code node} had it. Its data waits where it is. */
public record VolumeDetached(String volume, String on, String node) implements Event {
    @Override
    public String type() {
        return "volume.detach";
    }
}
