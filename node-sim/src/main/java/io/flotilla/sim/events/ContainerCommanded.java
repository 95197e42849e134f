package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Truth: an operator on {@code node} ran {@code docker COMMAND} (or its runtime's equivalent) on
 * the task's container: {@code pause}, {@code unpause}, {@code stop}, {@code start},
 * {@code restart} or {@code remove}; {@code detail} says what the container does with it. What
 * follows (an exit, a new task, a restart in place) is told by the task's own events. A paused
 * container stays running for its orchestrator.
 */
public record ContainerCommanded(String task, String node, String command, String detail) implements Event {
    @Override
    public String type() {
        return "task.command";
    }
}
