package io.flotilla.sim.swarm;

import io.flotilla.sim.cluster.Assignment;
import io.flotilla.sim.kernel.Event;
import java.util.List;

/** Everything the control plane does to the world: read the clock, arm timers, log, message nodes. */
public interface ControlPlaneEffects {

    long now();

    void log(Event event);

    /** Arms {@code timer} to come back after {@code delayNanos}; an equal timer already armed is replaced. */
    void startTimer(ControlTimer timer, long delayNanos);

    void cancelTimer(ControlTimer timer);

    /** Sends a node its assignments: all of them ({@code full}) or those that changed since {@code version - 1}. */
    void assign(String node, long version, boolean full, List<Assignment> assignments);

    /** Answers a heartbeat with the period of the next one; asks for every task report again when some were lost. */
    void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports);
}
