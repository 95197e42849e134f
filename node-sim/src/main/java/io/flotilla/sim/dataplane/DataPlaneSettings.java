package io.flotilla.sim.dataplane;

import java.util.Optional;

/**
 * How the data plane is simulated: what NetworkDB does with a failed peer's entries ({@code
 * suspend}: hidden, restored when it rejoins, today's Docker; {@code delete}: gone for good, Docker
 * 29 and older), the client whose request at or after a moment is to be explained, and whether every
 * served request is logged ({@code accessLog}: a {@link io.flotilla.sim.events.RequestServed} each,
 * what the containers' access logs are made of; off in an ordinary run, whose log counts requests
 * per second only).
 */
public record DataPlaneSettings(FailedPeerEntries failedPeerEntries, Optional<RequestProbe> explainRequest, boolean accessLog) {

    public static final DataPlaneSettings DEFAULT = new DataPlaneSettings(FailedPeerEntries.SUSPEND, Optional.empty());

    /** Settings that log no request one by one but the explained one. */
    public DataPlaneSettings(FailedPeerEntries failedPeerEntries, Optional<RequestProbe> explainRequest) {
        this(failedPeerEntries, explainRequest, false);
    }

    public enum FailedPeerEntries {
        SUSPEND,
        DELETE
    }

    /** Explain the first request {@code client} sends at or after {@code atNanos}. */
    public record RequestProbe(String client, long atNanos) {}
}
