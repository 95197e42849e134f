package io.flotilla.scenarios.model;

/**
 * A Kubernetes readiness probe, in snake case: probes every {@code period} from {@code initialDelay}
 * after the container starts, a probe longer than {@code timeout} fails, {@code failureThreshold}
 * failures in a row make the pod not ready and {@code successThreshold} successes ready again.
 * Kubernetes' defaults are 10s, 1s, 3, 1 and 0.
 */
public record Readiness(long periodNanos, long timeoutNanos, int failureThreshold, int successThreshold, long initialDelayNanos) {

    public static final Readiness KUBERNETES_DEFAULTS = new Readiness(10_000_000_000L, 1_000_000_000L, 3, 1, 0);
}
