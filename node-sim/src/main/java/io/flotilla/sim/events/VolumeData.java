package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.time.Duration;

/**
 * Truth: up to when the volume now holds every write, until the next such event: {@code holds}
 * is {@code none} (no write from the start), {@code through} (every write up to {@code through})
 * or {@code now} (every write so far, and it keeps up).
 */
public record VolumeData(String volume, String on, String holds, Duration through) implements Event {
    @Override
    public String type() {
        return "volume.data";
    }
}
