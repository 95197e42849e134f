package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.admission.kubernetes.PodSecurityLevel;
import io.flotilla.scheduler.orchestrator.kubernetes.ZoneDisruption;

/**
 * The Kubernetes timings and limits the simulated control plane runs with (nanoseconds unless
 * named otherwise). A scenario may override the first three; the rest are upstream defaults.
 *
 * @param nodeMonitorPeriod how often the node lifecycle controller checks nodes (upstream 5s)
 * @param nodeMonitorGracePeriod silence after which a node's Ready condition becomes Unknown
 *     (50s since v1.32, 40s before, kubernetes/kubernetes#126287)
 * @param defaultTolerationSeconds the {@code tolerationSeconds} of the not-ready and unreachable
 *     NoExecute tolerations the DefaultTolerationSeconds admission plugin adds (300)
 * @param nodeStatusUpdateFrequency how often a kubelet renews its lease and posts its status (10s)
 * @param evictionRate nodes per second the controller taints NoExecute in a healthy zone (0.1)
 * @param secondaryEvictionRate the same in a partially disrupted zone larger than the large-cluster
 *     threshold (0.01); 0 in smaller zones
 * @param unhealthyZoneThreshold share of not-Ready nodes (with more than 2 of them) that makes a zone
 *     partially disrupted (0.55)
 * @param largeClusterSizeThreshold zone size above which the secondary rate applies (50)
 * @param podSecurity the Pod Security level the namespace enforces at pod creation (privileged:
 *     nothing is refused)
 */
public record KubernetesSettings(
        long nodeMonitorPeriod,
        long nodeMonitorGracePeriod,
        long defaultTolerationSeconds,
        long nodeStatusUpdateFrequency,
        double evictionRate,
        double secondaryEvictionRate,
        double unhealthyZoneThreshold,
        int largeClusterSizeThreshold,
        PodSecurityLevel podSecurity) {

    private static final long SECOND = 1_000_000_000L;

    /** kube-controller-manager and kubelet defaults (v1.32 and later). */
    public static final KubernetesSettings DEFAULT =
            new KubernetesSettings(5 * SECOND, 50 * SECOND, 300, 10 * SECOND, 0.1, 0.01, 0.55, 50,
                    PodSecurityLevel.PRIVILEGED);

    /** The zone judgement and tainting rates these settings give the node lifecycle controller. */
    public ZoneDisruption zoneDisruption() {
        return new ZoneDisruption(evictionRate, secondaryEvictionRate, unhealthyZoneThreshold, largeClusterSizeThreshold);
    }

    /** These defaults with a scenario's own node monitor period, grace period and toleration seconds. */
    public static KubernetesSettings of(long nodeMonitorPeriod, long nodeMonitorGracePeriod, long defaultTolerationSeconds) {
        return new KubernetesSettings(nodeMonitorPeriod, nodeMonitorGracePeriod, defaultTolerationSeconds,
                DEFAULT.nodeStatusUpdateFrequency, DEFAULT.evictionRate, DEFAULT.secondaryEvictionRate,
                DEFAULT.unhealthyZoneThreshold, DEFAULT.largeClusterSizeThreshold, DEFAULT.podSecurity);
    }

    /** These settings in a namespace that enforces {@code level}. */
    public KubernetesSettings withPodSecurity(PodSecurityLevel level) {
        return new KubernetesSettings(nodeMonitorPeriod, nodeMonitorGracePeriod, defaultTolerationSeconds,
                nodeStatusUpdateFrequency, evictionRate, secondaryEvictionRate, unhealthyZoneThreshold,
                largeClusterSizeThreshold, level);
    }
}
