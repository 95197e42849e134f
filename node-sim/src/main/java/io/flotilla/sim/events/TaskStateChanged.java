package io.flotilla.sim.events;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.kernel.Event;

/**
 * Truth: a task really moved to {@code state}, on the manager (new, pending, assigned) or on its
 * node (accepted onwards). {@code error} is null unless the task failed.
 */
public record TaskStateChanged(String task, String node, TaskState state, String message, String error)
        implements Event {
    @Override
    public String type() {
        return "task.state";
    }
}
