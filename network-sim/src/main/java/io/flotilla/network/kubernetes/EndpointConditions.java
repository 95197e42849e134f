package io.flotilla.network.kubernetes;

/**
 * An EndpointSlice endpoint's conditions. {@code ready} is never true while terminating (unless the
 * Service publishes not-ready addresses); {@code serving} is readiness regardless of termination.
 * Slices list every selected pod; consumers filter (kube-proxy: ready, else serving-and-terminating).
 */
public record EndpointConditions(boolean ready, boolean serving, boolean terminating) {

    public static final EndpointConditions READY = new EndpointConditions(true, true, false);
    public static final EndpointConditions NOT_READY = new EndpointConditions(false, false, false);

    /** A terminating pod, still passing its readiness probe or not. */
    public static EndpointConditions terminating(boolean serving) {
        return new EndpointConditions(false, serving, true);
    }
}
