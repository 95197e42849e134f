package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Kubernetes strategy: a pod was marked for deletion by an eviction ({@code reason}, as upstream
 * names it: {@code TaintManagerEviction} when a NoExecute taint outlived its toleration,
 * {@code Evicted} for a drain, {@code Preempted} for preemption). The pod is Terminating from now on;
 * it stops counting for its ReplicaSet, but its container runs until its kubelet confirms.
 */
public record PodEvicted(String task, String node, String reason, String message) implements Event {
    @Override
    public String type() {
        return "task.evicted";
    }
}
