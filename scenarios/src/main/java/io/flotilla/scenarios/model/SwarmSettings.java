package io.flotilla.scenarios.model;

/**
 * Swarm timing settings (scenario key {@code swarm}). A node whose heartbeats stop is marked down
 * after {@code heartbeatPeriod * missedHeartbeats} (swarmkit's dispatcher: 5s x 3, so about 15s);
 * each period is drawn from {@code heartbeatPeriod +- heartbeatEpsilon} (swarmkit: 500ms).
 */
public record SwarmSettings(long heartbeatPeriod, long heartbeatEpsilon, int missedHeartbeats) {

    /** Swarmkit's defaults: {@code DefaultHeartBeatPeriod} 5s, epsilon 500ms, grace multiplier 3. */
    public static final SwarmSettings DEFAULT = new SwarmSettings(5_000_000_000L, 500_000_000L, 3);

    /** How long without a heartbeat before the dispatcher marks a node down (nanoseconds). */
    public long gracePeriod() {
        return heartbeatPeriod * missedHeartbeats;
    }
}
