package io.flotilla.scheduler.model;

/**
 * A container health check, in compose's words: the first probe runs {@code interval} after the
 * container starts, a probe that takes longer than {@code timeout} fails, {@code retries} failures
 * in a row make the container unhealthy, and failures during {@code startPeriod} do not count.
 * Docker's defaults are 30s, 30s, 3 and 0.
 */
public record HealthCheck(long intervalNanos, long timeoutNanos, int retries, long startPeriodNanos) {

    public static final HealthCheck DOCKER_DEFAULTS = new HealthCheck(30_000_000_000L, 30_000_000_000L, 3, 0);
}
