package io.flotilla.sim.events;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.kernel.Event;

/** Belief: the manager now records {@code state} for the task (a report arrived, or it decided so). */
public record TaskObserved(String task, TaskState state, String message) implements Event {
    @Override
    public String type() {
        return "task.observed";
    }
}
