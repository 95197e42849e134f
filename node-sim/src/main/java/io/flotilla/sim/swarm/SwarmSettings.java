package io.flotilla.sim.swarm;

/**
 * Swarm timings a scenario may override: the dispatcher's heartbeat period (each period is
 * drawn within ±{@code epsilon}, as swarmkit does) and how many periods may be missed before a
 * node is marked down.
 */
public record SwarmSettings(long heartbeatPeriodNanos, long heartbeatEpsilonNanos, int missedHeartbeats) {

    /** Swarmkit's defaults: 5s ± 500ms, down after 3 missed periods. */
    public static final SwarmSettings DEFAULT = new SwarmSettings(5_000_000_000L, 500_000_000L, 3);
}
