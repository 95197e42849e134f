package io.flotilla.sim.kubernetes;

/** Evicting a pod (taint eviction, drain, preemption): the eviction's own event, then a graceful deletion. */
@FunctionalInterface
interface Eviction {

    /**
     * @param reason the eviction event's reason ({@code TaintManagerEviction}, {@code Preempted}...)
     * @param message the eviction event's message
     * @param why the reason the deletion gives
     */
    void evict(PodState p, String reason, String message, String why);
}
