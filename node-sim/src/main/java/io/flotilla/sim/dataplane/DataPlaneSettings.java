package io.flotilla.sim.dataplane;

import io.flotilla.network.kubernetes.NetworkPolicy;
import java.util.List;
import java.util.Optional;

/**
 * How the data plane is simulated: what NetworkDB does with a failed peer's entries ({@code
 * suspend}: hidden, restored when it rejoins, today's Docker; {@code delete}: gone for good, Docker
 * 29 and older), the client whose request at or after a moment is to be explained, and the
 * Kubernetes NetworkPolicies the pod network enforces (the kubernetes strategy's only; Swarm has none).
 */
public record DataPlaneSettings(FailedPeerEntries failedPeerEntries, Optional<RequestProbe> explainRequest,
        List<NetworkPolicy> networkPolicies) {

    public static final DataPlaneSettings DEFAULT = new DataPlaneSettings(FailedPeerEntries.SUSPEND, Optional.empty());

    public DataPlaneSettings {
        networkPolicies = List.copyOf(networkPolicies);
    }

    /** Settings with no NetworkPolicy. */
    public DataPlaneSettings(FailedPeerEntries failedPeerEntries, Optional<RequestProbe> explainRequest) {
        this(failedPeerEntries, explainRequest, List.of());
    }

    public enum FailedPeerEntries {
        SUSPEND,
        DELETE
    }

    /** Explain the first request {@code client} sends at or after {@code atNanos}. */
    public record RequestProbe(String client, long atNanos) {}
}
