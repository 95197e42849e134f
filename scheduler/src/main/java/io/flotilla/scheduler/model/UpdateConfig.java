package io.flotilla.scheduler.model;

/**
 * How a rolling update (or rollback) proceeds (swarmkit {@code UpdateConfig}). Durations are
 * virtual nanoseconds; {@code parallelism} 0 means all at once.
 */
public record UpdateConfig(
        int parallelism,
        long delayNanos,
        FailureAction failureAction,
        long monitorNanos,
        double maxFailureRatio,
        Order order) {

    /** Swarmkit's defaults: one at a time, no delay, pause on failure, 5s monitor, stop-first. */
    public static final UpdateConfig DEFAULT =
            new UpdateConfig(1, 0, FailureAction.PAUSE, 5_000_000_000L, 0, Order.STOP_FIRST);

    public enum FailureAction {
        PAUSE,
        CONTINUE,
        ROLLBACK
    }

    public enum Order {
        STOP_FIRST,
        START_FIRST
    }
}
