package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** The scheduler could not place a pending task; {@code error} is swarmkit's explanation. */
public record TaskUnplaced(String task, String error) implements Event {
    @Override
    public String type() {
        return "task.unplaced";
    }
}
