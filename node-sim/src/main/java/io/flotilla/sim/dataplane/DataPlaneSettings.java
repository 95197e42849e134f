package io.flotilla.sim.dataplane;

import io.flotilla.network.kubernetes.NetworkPolicy;
import java.util.List;
import java.util.Optional;

/**
 * How the data plane is simulated: what NetworkDB does with a failed peer's entries ({@code
 * suspend}: hidden, restored when it rejoins, today's Docker; {@code delete}: gone for good, Docker
 * 29 and older), the client whose request at or after a moment is to be explained, whether every
 * served request is logged ({@code accessLog}: a {@link io.flotilla.sim.events.RequestServed} each,
 * what the containers' access logs are made of; off in an ordinary run, whose log counts requests
 * per second only), and the Kubernetes NetworkPolicies the pod network enforces (the kubernetes
 * strategy's only; Swarm has none).
 */
public record DataPlaneSettings(FailedPeerEntries failedPeerEntries, Optional<RequestProbe> explainRequest,
        boolean accessLog, List<NetworkPolicy> networkPolicies) {

    public static final DataPlaneSettings DEFAULT = new DataPlaneSettings(FailedPeerEntries.SUSPEND, Optional.empty());

    public DataPlaneSettings {
        networkPolicies = List.copyOf(networkPolicies);
    }

    /** Settings that log no request one by one but the explained one, with no NetworkPolicy. */
    public DataPlaneSettings(FailedPeerEntries failedPeerEntries, Optional<RequestProbe> explainRequest) {
        this(failedPeerEntries, explainRequest, false, List.of());
    }

    public enum FailedPeerEntries {
        SUSPEND,
        DELETE
    }

    /** Explain the first request {@code client} sends at or after {@code atNanos}. */
    public record RequestProbe(String client, long atNanos) {}
}
