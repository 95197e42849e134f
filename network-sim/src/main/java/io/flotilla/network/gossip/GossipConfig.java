package io.flotilla.network.gossip;

/**
 * The gossip layer's timings, defaulting to memberlist's {@code DefaultLANConfig} as NetworkDB uses
 * it, and NetworkDB's own intervals.
 *
 * @param gossipIntervalNanos memberlist {@code GossipInterval}, 200 ms (NetworkDB's per-network
 *     gossip ticks on it too)
 * @param gossipNodes memberlist {@code GossipNodes} and NetworkDB's per-network fan-out, 3
 * @param retransmitMult memberlist {@code RetransmitMult} and NetworkDB's table {@code RetransmitMult}, 4
 * @param pushPullIntervalNanos memberlist {@code PushPullInterval} and NetworkDB's bulk sync, 30 s
 * @param probeIntervalNanos memberlist {@code ProbeInterval}, 1 s
 * @param indirectChecks memberlist {@code IndirectChecks}, 3
 * @param suspicionMult memberlist {@code SuspicionMult}, 4
 * @param suspicionMaxTimeoutMult memberlist {@code SuspicionMaxTimeoutMult}, 6
 * @param gossipToTheDeadNanos memberlist {@code GossipToTheDeadTime}, 30 s
 * @param reconnectIntervalNanos NetworkDB {@code retryInterval}: a node retries one failed peer this
 *     often, 1 s
 * @param rejoinIntervalNanos NetworkDB {@code rejoinClusterInterval}: a node that knows no live peer
 *     tries to join again this often, 60 s
 * @param failedPeerEntries what happens to a failed peer's entries ({@link FailedPeerEntries#SUSPEND})
 * @param dissemination how broadcasts travel ({@link Dissemination.Epidemic})
 */
public record GossipConfig(
        long gossipIntervalNanos,
        int gossipNodes,
        int retransmitMult,
        long pushPullIntervalNanos,
        long probeIntervalNanos,
        int indirectChecks,
        int suspicionMult,
        int suspicionMaxTimeoutMult,
        long gossipToTheDeadNanos,
        long reconnectIntervalNanos,
        long rejoinIntervalNanos,
        FailedPeerEntries failedPeerEntries,
        Dissemination dissemination) {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    public static GossipConfig defaults() {
        return new GossipConfig(200 * MS, 3, 4, 30 * S, S, 3, 4, 6, 30 * S, S, 60 * S,
                FailedPeerEntries.SUSPEND, Dissemination.Epidemic.INSTANCE);
    }

    public GossipConfig withFailedPeerEntries(FailedPeerEntries mode) {
        return new GossipConfig(gossipIntervalNanos, gossipNodes, retransmitMult, pushPullIntervalNanos,
                probeIntervalNanos, indirectChecks, suspicionMult, suspicionMaxTimeoutMult, gossipToTheDeadNanos,
                reconnectIntervalNanos, rejoinIntervalNanos, mode, dissemination);
    }

    public GossipConfig withDissemination(Dissemination d) {
        return new GossipConfig(gossipIntervalNanos, gossipNodes, retransmitMult, pushPullIntervalNanos,
                probeIntervalNanos, indirectChecks, suspicionMult, suspicionMaxTimeoutMult, gossipToTheDeadNanos,
                reconnectIntervalNanos, rejoinIntervalNanos, failedPeerEntries, d);
    }

    public GossipConfig withProbeInterval(long nanos) {
        return new GossipConfig(gossipIntervalNanos, gossipNodes, retransmitMult, pushPullIntervalNanos,
                nanos, indirectChecks, suspicionMult, suspicionMaxTimeoutMult, gossipToTheDeadNanos,
                reconnectIntervalNanos, rejoinIntervalNanos, failedPeerEntries, dissemination);
    }

    public GossipConfig withSuspicionMult(int mult) {
        return new GossipConfig(gossipIntervalNanos, gossipNodes, retransmitMult, pushPullIntervalNanos,
                probeIntervalNanos, indirectChecks, mult, suspicionMaxTimeoutMult, gossipToTheDeadNanos,
                reconnectIntervalNanos, rejoinIntervalNanos, failedPeerEntries, dissemination);
    }

    /** memberlist {@code retransmitLimit}: {@code mult * ceil(log10(n + 1))}. */
    public int retransmitLimit(int n) {
        return retransmitMult * (int) Math.ceil(Math.log10(n + 1));
    }
}
