package io.flotilla.scenarios.model;

import io.flotilla.scheduler.admission.kubernetes.PodSecurityLevel;

/**
 * Kubernetes settings (scenario key {@code kubernetes}), used by the kubernetes strategy: the node
 * lifecycle controller marks a node unreachable after {@code nodeMonitorGracePeriod}, and the
 * default tolerations let a pod stay on such a node {@code defaultTolerationSeconds} more seconds
 * before it is evicted (about 5m50s in all with the defaults); {@code podSecurity} is the Pod
 * Security level the namespace enforces.
 */
public record KubernetesSettings(long nodeMonitorPeriod, long nodeMonitorGracePeriod, long defaultTolerationSeconds,
        PodSecurityLevel podSecurity) {

    /** Upstream defaults since v1.32: monitor period 5s, grace period 50s, tolerations 300s; a privileged namespace. */
    public static final KubernetesSettings DEFAULT =
            new KubernetesSettings(5_000_000_000L, 50_000_000_000L, 300, PodSecurityLevel.PRIVILEGED);
}
