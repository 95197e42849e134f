package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Kubernetes strategy: a pod object was deleted without waiting for its kubelet ({@code by}: {@code
 * kubectl} for {@code kubectl delete pod --force --grace-period=0}, {@code pod-gc} for the pod
 * garbage collector on an out-of-service node), with the warning or reason upstream gives. Its
 * containers may still run where its node cannot be reached; its controller may replace it at once.
 */
public record PodForceDeleted(String task, String node, String by, String message) implements Event {
    @Override
    public String type() {
        return "task.force_deleted";
    }
}
