package io.flotilla.sim.control;

import java.util.Optional;

/**
 * One pod of a Service as the EndpointSlice controller lists it: the pod, its node and its
 * conditions. {@code serving} is the pod's Ready condition whatever its termination; {@code ready} is
 * serving and not terminating (upstream: "ready should never be true for terminating endpoints").
 * {@code hostname} is the name a StatefulSet's pod has under its headless Service ({@code db-0} in
 * {@code db-0.db}), empty for other pods.
 */
public record ServiceEndpoint(String pod, String node, boolean ready, boolean serving, boolean terminating,
        Optional<String> hostname) {

    /** An endpoint without a hostname. */
    public ServiceEndpoint(String pod, String node, boolean ready, boolean serving, boolean terminating) {
        this(pod, node, ready, serving, terminating, Optional.empty());
    }
}
