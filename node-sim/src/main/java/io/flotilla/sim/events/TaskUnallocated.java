package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Swarm's allocator could not give a new task an address on one of its overlay networks, so the
 * task stays new and is not scheduled; {@code error} is swarmkit's words
 * ({@code failed to allocate network IP for task T network N: could not find an available IP}).
 * The task goes on to pending once an address is given back.
 */
public record TaskUnallocated(String task, String error) implements Event {
    @Override
    public String type() {
        return "task.unallocated";
    }
}
