package io.flotilla.sim.control;

/**
 * A control plane's timer, as the manager arms it and gives it back: Swarm's {@code ControlTimer}
 * and Kubernetes' {@code KubeTimer}. Equal timers replace each other, as Pekko timer keys do, so
 * every timer is a record or an enum constant.
 */
public interface ControlPlaneTimer {}
