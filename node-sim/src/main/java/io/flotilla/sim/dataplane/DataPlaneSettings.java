package io.flotilla.sim.dataplane;

import java.util.Optional;

/**
 * How the data plane is simulated: what NetworkDB does with a failed peer's entries ({@code
 * suspend}: hidden, restored when it rejoins, today's Docker; {@code delete}: gone for good, Docker
 * 29 and older), and the client whose request at or after a moment is to be explained.
 */
public record DataPlaneSettings(FailedPeerEntries failedPeerEntries, Optional<RequestProbe> explainRequest) {

    public static final DataPlaneSettings DEFAULT = new DataPlaneSettings(FailedPeerEntries.SUSPEND, Optional.empty());

    public enum FailedPeerEntries {
        SUSPEND,
        DELETE
    }

    /** Explain the first request {@code client} sends at or after {@code atNanos}. */
    public record RequestProbe(String client, long atNanos) {}
}
