package io.flotilla.network.health;

/**
 * A compose {@code healthcheck}: {@code interval}, {@code timeout}, {@code retries},
 * {@code start_period}, {@code start_interval}; defaults are the daemon's ({@code daemon/health.go}:
 * 30 s, 30 s, 3, 0, 5 s).
 *
 * @param failureMode how a failing check fails: at once (the command exits non-zero) or by hanging
 *     until {@code timeout} kills it
 */
public record Healthcheck(long intervalNanos, long timeoutNanos, int retries, long startPeriodNanos,
        long startIntervalNanos, FailureMode failureMode) {

    /** How a failing check ends. */
    public enum FailureMode {
        /** The check command exits non-zero at once. */
        EXITS,
        /** The check hangs and is killed after {@code timeout} (a failure too). */
        HANGS
    }

    private static final long S = 1_000_000_000L;

    public static Healthcheck defaults() {
        return new Healthcheck(30 * S, 30 * S, 3, 0, 5 * S, FailureMode.EXITS);
    }

    public static Healthcheck of(long intervalNanos, long timeoutNanos, int retries, long startPeriodNanos) {
        return new Healthcheck(intervalNanos, timeoutNanos, retries, startPeriodNanos, 5 * S, FailureMode.EXITS);
    }

    public Healthcheck hanging() {
        return new Healthcheck(intervalNanos, timeoutNanos, retries, startPeriodNanos, startIntervalNanos, FailureMode.HANGS);
    }
}
