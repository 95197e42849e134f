package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.time.Duration;

/** Truth: the volume's content became the snapshot {@code backup}'s, taken at {@code taken}. */
public record VolumeRestored(String volume, String on, String backup, Duration taken) implements Event {
    @Override
    public String type() {
        return "volume.restore";
    }
}
