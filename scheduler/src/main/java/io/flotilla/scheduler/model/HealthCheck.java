package io.flotilla.scheduler.model;

import java.util.List;

/**
 * A container health check, in compose's words: the first probe runs {@code interval} after the
 * container starts, a probe that takes longer than {@code timeout} fails, {@code retries} failures
 * in a row make the container unhealthy, and failures during {@code startPeriod} do not count.
 * Docker's defaults are 30s, 30s, 3 and 0. {@code command} is what a probe runs, as the process's
 * arguments ({@code CMD-SHELL}'s through {@code /bin/sh -c}); it is shown, never run: a probe passes
 * or fails as the scenario says. Empty when the file gives none.
 */
public record HealthCheck(long intervalNanos, long timeoutNanos, int retries, long startPeriodNanos, List<String> command) {

    public static final HealthCheck DOCKER_DEFAULTS = new HealthCheck(30_000_000_000L, 30_000_000_000L, 3, 0);

    public HealthCheck {
        command = List.copyOf(command);
    }

    /** A check whose command the file does not give. */
    public HealthCheck(long intervalNanos, long timeoutNanos, int retries, long startPeriodNanos) {
        this(intervalNanos, timeoutNanos, retries, startPeriodNanos, List.of());
    }
}
