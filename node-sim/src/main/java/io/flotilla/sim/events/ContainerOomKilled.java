package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Truth: the kernel's OOM killer ended the task's container, whose application came to use
 * {@code usedBytes} with a memory limit of {@code limitBytes} (moby logs its {@code oom} event
 * before {@code die}); the task's state change that follows carries exit code 137 and
 * {@code OOMKilled}.
 */
public record ContainerOomKilled(String task, String node, long usedBytes, long limitBytes) implements Event {
    @Override
    public String type() {
        return "task.oom";
    }
}
