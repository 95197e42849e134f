package io.flotilla.sim.swarm;

/**
 * The manager's clock and the timers a part may arm. A timer that fires comes back to
 * {@link ControlPlane#timer}, which hands it to the part that armed it.
 */
interface Timers {

    long now();

    /** Arms {@code timer} to fire after {@code delayNanos}; an equal timer already armed is replaced. */
    void start(ControlTimer timer, long delayNanos);

    void cancel(ControlTimer timer);
}
