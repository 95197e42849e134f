package io.flotilla.scheduler.placement.swarm;

/** A task moves to ASSIGNED on {@code node}, with swarmkit's status {@code message}. */
public record Assignment(String taskId, String node, String message) {

    /** A task the scheduler chose a node for. */
    public static final String ASSIGNED = "scheduler assigned task to node";

    /** A preassigned (global) task whose node passed the pipeline. */
    public static final String CONFIRMED = "scheduler confirmed task can run on preassigned node";
}
