package io.flotilla.scheduler.orchestrator.kubernetes;

/**
 * The node lifecycle controller's judgement of a zone and the NoExecute tainting rate that goes
 * with it (upstream {@code pkg/controller/nodelifecycle/node_lifecycle_controller.go}:
 * {@code ComputeZoneState}, {@code setLimiterInZone} with {@code HealthyQPSFunc} and
 * {@code ReducedQPSFunc}).
 *
 * @param evictionRate nodes per second tainted in a normal zone ({@code --node-eviction-rate}, 0.1);
 *     a fully disrupted zone keeps it too (upstream's {@code HealthyQPSFunc})
 * @param secondaryEvictionRate the rate in a partially disrupted zone of more than
 *     {@code largeClusterSizeThreshold} nodes ({@code --secondary-node-eviction-rate}, 0.01); smaller
 *     partially disrupted zones stop ({@code ReducedQPSFunc})
 * @param unhealthyZoneThreshold the share of not-Ready nodes that, with more than 2 of them, makes a
 *     zone partially disrupted ({@code --unhealthy-zone-threshold}, 0.55)
 * @param largeClusterSizeThreshold {@code --large-cluster-size-threshold} (50)
 */
public record ZoneDisruption(
        double evictionRate, double secondaryEvictionRate, double unhealthyZoneThreshold, int largeClusterSizeThreshold) {

    /** kube-controller-manager's defaults. */
    public static final ZoneDisruption DEFAULT = new ZoneDisruption(0.1, 0.01, 0.55, 50);

    /**
     * Upstream {@code ComputeZoneState}: fully disrupted when no node is Ready, partially when more
     * than 2 nodes and at least the threshold's share are not, normal otherwise. The share is
     * compared in single precision, as upstream's {@code float32} does.
     */
    public ZoneState state(int ready, int notReady) {
        if (ready == 0 && notReady > 0) {
            return ZoneState.FULL_DISRUPTION;
        }
        if (notReady > 2 && (float) notReady / (notReady + ready) >= (float) unhealthyZoneThreshold) {
            return ZoneState.PARTIAL_DISRUPTION;
        }
        return ZoneState.NORMAL;
    }

    /**
     * Upstream {@code setLimiterInZone}: the tainting rate of a zone of {@code zoneSize} nodes in
     * {@code state}. A zone not judged yet has the normal rate, the one its limiter starts with.
     */
    public double evictionRate(ZoneState state, int zoneSize) {
        if (state == ZoneState.PARTIAL_DISRUPTION) {
            return zoneSize > largeClusterSizeThreshold ? secondaryEvictionRate : 0;
        }
        return evictionRate;
    }
}
