package io.flotilla.scheduler.model;

import java.util.Locale;

/**
 * Swarmkit's task states in their order ({@code api/types.proto}). A task's observed state only
 * ever moves forward, like a Lamport clock: {@link #canMoveTo} says whether a step is legal.
 * {@code REMOVE} is only ever a desired state.
 */
public enum TaskState {
    NEW,
    PENDING,
    ASSIGNED,
    ACCEPTED,
    PREPARING,
    READY,
    STARTING,
    RUNNING,
    COMPLETE,
    SHUTDOWN,
    FAILED,
    REJECTED,
    REMOVE,
    ORPHANED;

    /** Made once: the JSON result and the event log name a state for every task and every step. */
    private final String lowerName = name().toLowerCase(Locale.ROOT);

    /** True once the task has stopped for good (every state after RUNNING). */
    public boolean isTerminal() {
        return compareTo(RUNNING) > 0;
    }

    public boolean canMoveTo(TaskState next) {
        return next.compareTo(this) > 0;
    }

    /** The lower-case name used in scenario files, JSON and the event log. */
    public String lowerName() {
        return lowerName;
    }
}
