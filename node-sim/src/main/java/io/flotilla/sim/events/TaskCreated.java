package io.flotilla.sim.events;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.kernel.Event;
import java.util.SortedMap;

/**
 * The orchestrator created a task: {@code id} is unique in the run, {@code name} is the slot's
 * name ({@code web.3}, {@code web.worker-1}); {@code node} is set only for a global task;
 * {@code addresses} maps each network the task joins to its address there.
 */
public record TaskCreated(
        String task,
        String name,
        String service,
        int slot,
        String node,
        int version,
        String image,
        TaskState desired,
        SortedMap<String, String> addresses)
        implements Event {
    @Override
    public String type() {
        return "task.create";
    }
}
