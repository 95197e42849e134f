package io.flotilla.sim.control;

/**
 * A control plane's timer, as the manager arms it and gives it back: Swarm's {@code ControlTimer}
 * and Kubernetes' {@code KubeTimer}. Equal timers replace each other, as Pekko timer keys do, so
 * every timer is a record or an enum constant.
 */
public interface ControlPlaneTimer {

    /**
     * A timer armed so often (Swarm's deadline sweep, about once per node per grace period, and its
     * scheduler's debounced pass, once per task created) that the manager arms it on the virtual
     * clock rather than as a Pekko timer, and offers it to {@link ControlPlaneInputs#quietTimer}
     * before sending it as a message.
     */
    default boolean frequent() {
        return false;
    }
}
