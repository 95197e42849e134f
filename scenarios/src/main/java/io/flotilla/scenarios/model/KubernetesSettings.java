package io.flotilla.scenarios.model;

/**
 * Kubernetes timing settings (scenario key {@code kubernetes}), used by the kubernetes strategy:
 * the node lifecycle controller marks a node unreachable after {@code nodeMonitorGracePeriod}, and
 * the default tolerations let a pod stay on such a node {@code defaultTolerationSeconds} more
 * seconds before it is evicted (about 5m50s in all with the defaults).
 */
public record KubernetesSettings(long nodeMonitorPeriod, long nodeMonitorGracePeriod, long defaultTolerationSeconds) {

    /** Upstream defaults since v1.32: monitor period 5s, grace period 50s, tolerations 300s. */
    public static final KubernetesSettings DEFAULT = new KubernetesSettings(5_000_000_000L, 50_000_000_000L, 300);
}
