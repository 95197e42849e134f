package io.flotilla.sim.events;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.kernel.Event;

/** The orchestrator changed what it wants of a task (start it, shut it down, remove it) and why. */
public record TaskDesired(String task, TaskState desired, String reason) implements Event {
    @Override
    public String type() {
        return "task.desired";
    }
}
