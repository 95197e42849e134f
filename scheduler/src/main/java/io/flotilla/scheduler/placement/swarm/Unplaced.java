package io.flotilla.scheduler.placement.swarm;

/**
 * A task that stays PENDING with {@code error} as its status error, exactly as swarmkit writes it:
 * {@code no suitable node (...)} for a task the scheduler places, the bare explanation (for example
 * {@code insufficient resources on 1 node}) for a preassigned one.
 */
public record Unplaced(String taskId, String error) {}
