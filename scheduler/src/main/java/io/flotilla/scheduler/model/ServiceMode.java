package io.flotilla.scheduler.model;

public enum ServiceMode {
    /** A fixed number of tasks in slots 1..N. */
    REPLICATED,
    /** One task on every eligible node. */
    GLOBAL
}
