package io.flotilla.network.kubernetes;

import java.util.Optional;

/**
 * One endpoint of a Service's EndpointSlices: the pod (its key is the backend key, its name the task
 * name), its address, its node, its conditions, and the hostname a StatefulSet pod publishes under a
 * headless Service ({@code db-0} in {@code db-0.db}).
 */
public record PodEndpoint(String key, String pod, String address, String node, EndpointConditions conditions,
        Optional<String> hostname) {

    public PodEndpoint with(EndpointConditions c) {
        return new PodEndpoint(key, pod, address, node, c, hostname);
    }
}
