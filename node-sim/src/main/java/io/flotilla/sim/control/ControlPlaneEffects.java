package io.flotilla.sim.control;

import io.flotilla.sim.kernel.Event;
import java.util.List;

/**
 * Everything a control plane does to the world: read the clock, arm timers, log, message nodes.
 * Swarm's and Kubernetes' control planes act on the world only through it.
 */
public interface ControlPlaneEffects {

    long now();

    void log(Event event);

    /** Arms {@code timer} to come back after {@code delayNanos}; an equal timer already armed is replaced. */
    void startTimer(ControlPlaneTimer timer, long delayNanos);

    void cancelTimer(ControlPlaneTimer timer);

    /**
     * Sends a node (a kubelet) its assignments (the pods bound to it): all of them ({@code full}) or
     * those that changed since {@code version - 1}.
     */
    void assign(String node, long version, boolean full, List<Assignment> assignments);

    /**
     * Answers a heartbeat (a kubelet's status post) with the period of the next one; asks for every
     * task report again when some were lost.
     */
    void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports);
}
