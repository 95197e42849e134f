package io.flotilla.network.kubernetes;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Service: its name and namespace, its ClusterIP (empty: headless, {@code clusterIP: None}) and,
 * for a NodePort Service, the port every node opens for it.
 */
public record KubeService(String name, String namespace, Optional<String> clusterIp, OptionalInt nodePort) {

    public static KubeService clusterIp(String name, String namespace, String ip) {
        return new KubeService(name, namespace, Optional.of(ip), OptionalInt.empty());
    }

    public static KubeService headless(String name, String namespace) {
        return new KubeService(name, namespace, Optional.empty(), OptionalInt.empty());
    }

    public KubeService withNodePort(int port) {
        return new KubeService(name, namespace, clusterIp, OptionalInt.of(port));
    }

    public boolean headless() {
        return clusterIp.isEmpty();
    }

    /** {@code NAME.NAMESPACE.svc.cluster.local}. */
    public String fqdn() {
        return name + "." + namespace + ".svc." + ClusterDns.DOMAIN;
    }
}
