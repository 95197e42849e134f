package io.flotilla.scheduler.orchestrator.kubernetes;

/**
 * A zone's health as the node lifecycle controller judges it (upstream {@code ZoneState} of
 * {@code pkg/controller/nodelifecycle}); {@link ZoneDisruption#state} computes it from the zone's
 * Ready and not-Ready nodes.
 */
public enum ZoneState {
    /** Not judged yet: the controller has just learnt of the zone. */
    INITIAL,
    /** Evictions at the normal rate. */
    NORMAL,
    /** More than 2 and at least the unhealthy threshold of the nodes are not Ready: evictions slow down or stop. */
    PARTIAL_DISRUPTION,
    /** No node is Ready. */
    FULL_DISRUPTION
}
