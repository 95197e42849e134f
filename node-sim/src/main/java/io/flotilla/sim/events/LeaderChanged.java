package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Raft leadership changed: {@code state} is {@code leader} (one was elected), {@code election}
 * (a majority of managers is up but has no leader yet) or {@code quorum_lost} (no majority).
 * While there is no leader nothing is scheduled, restarted or marked down.
 */
public record LeaderChanged(String state, String leader, int managersUp, int managers, String message)
        implements Event {
    @Override
    public String type() {
        return "manager." + state;
    }
}
