package io.flotilla.scheduler.orchestrator.kubernetes;

/**
 * How long a controller's work queue waits before it syncs an object again whose last sync failed
 * (client-go's {@code ItemExponentialFailureRateLimiter}, part of {@code
 * DefaultControllerRateLimiter}): the base delay doubled for every failure before this one, up to a
 * maximum. The ReplicaSet, DaemonSet and StatefulSet controllers use 5 ms and 1000 s, so a
 * ReplicaSet whose pods are refused tries again after 5 ms, 10 ms, 20 ms, ... and every 16 minutes
 * 40 seconds once the doubling reaches the cap.
 */
public final class WorkQueueBackoff {

    public static final long BASE_NANOS = 5_000_000L;
    public static final long MAX_NANOS = 1_000_000_000_000L;

    private WorkQueueBackoff() {}

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public static long delayNanos(int failures) {
        return delayNanos(failures, BASE_NANOS, MAX_NANOS);
    }

    /** The same with another base and maximum (upstream's rate limiter takes both). */
    public static long delayNanos(int failures, long base, long max) {
        int exponent = Math.max(0, failures - 1);
        if (exponent >= 62 || base > (max >> exponent)) {
            return max;
        }
        return Math.min(max, base << exponent);
    }
}
