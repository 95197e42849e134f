package io.flotilla.scheduler.model;

/** What the operator allows on a node (swarmkit {@code NodeSpec.Availability}). */
public enum Availability {
    /** Accepts new tasks. */
    ACTIVE,
    /** Keeps its tasks, accepts no new ones. */
    PAUSE,
    /** Accepts no new tasks and its tasks are shut down and rescheduled elsewhere. */
    DRAIN
}
