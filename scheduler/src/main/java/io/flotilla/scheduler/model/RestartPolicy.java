package io.flotilla.scheduler.model;

/**
 * When a stopped task is replaced (swarmkit {@code RestartPolicy}). Durations are virtual
 * nanoseconds; {@code maxAttempts} 0 means unlimited and {@code windowNanos} 0 means unbounded.
 */
public record RestartPolicy(Condition condition, long delayNanos, int maxAttempts, long windowNanos) {

    /** Swarmkit's defaults: condition any, 5s delay, unlimited attempts, no window. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(Condition.ANY, 5_000_000_000L, 0, 0);

    public enum Condition {
        NONE,
        ON_FAILURE,
        ANY
    }
}
