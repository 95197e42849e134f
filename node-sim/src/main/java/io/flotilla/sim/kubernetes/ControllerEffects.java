package io.flotilla.sim.kubernetes;

import io.flotilla.sim.kernel.Event;

/**
 * What a part of the control plane does besides reading and writing API objects: read the clock,
 * log, arm and cancel its timers. Narrower than {@link KubeEffects}: no part talks to kubelets.
 */
interface ControllerEffects {

    long now();

    void log(Event event);

    /** Arms {@code timer} to come back after {@code delayNanos}; an equal timer already armed is replaced. */
    void startTimer(KubeTimer timer, long delayNanos);

    void cancelTimer(KubeTimer timer);
}
