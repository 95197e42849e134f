package io.flotilla.sim.kernel;

import java.util.Objects;

/**
 * An event as the log holds it: stamped with virtual {@code time} in nanoseconds and its position
 * {@code seq} in the log (0 for the first event).
 */
public record LoggedEvent(long time, long seq, Event event) {

    public LoggedEvent {
        Objects.requireNonNull(event, "event");
    }

    public String type() {
        return event.type();
    }
}
