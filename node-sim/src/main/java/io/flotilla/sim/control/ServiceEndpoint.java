package io.flotilla.sim.control;

/**
 * One pod of a Service as the EndpointSlice controller lists it: the pod, its node and its
 * conditions. {@code serving} is the pod's Ready condition whatever its termination; {@code ready} is
 * serving and not terminating (upstream: "ready should never be true for terminating endpoints").
 */
public record ServiceEndpoint(String pod, String node, boolean ready, boolean serving, boolean terminating) {}
