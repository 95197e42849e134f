package io.flotilla.sim.kubernetes;

import io.flotilla.sim.cluster.Assignment;
import io.flotilla.sim.kernel.Event;
import java.util.List;

/** Everything the Kubernetes control plane does to the world: read the clock, arm timers, log, message kubelets. */
public interface KubeEffects {

    long now();

    void log(Event event);

    /** Arms {@code timer} to come back after {@code delayNanos}; an equal timer already armed is replaced. */
    void startTimer(KubeTimer timer, long delayNanos);

    void cancelTimer(KubeTimer timer);

    /** Sends a kubelet the pods bound to its node: all of them ({@code full}) or those that changed. */
    void assign(String node, long version, boolean full, List<Assignment> assignments);

    /** Answers a kubelet's status post with the period of the next; asks for every pod status again when some were lost. */
    void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports);
}
