package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Kubernetes strategy: a workload controller could not create a pod (upstream's {@code
 * FailedCreate} event on the ReplicaSet, DaemonSet or StatefulSet), with the event's message, such
 * as {@code Error creating: pods "web-7d4b9c8f5-x2x1n" is forbidden: violates PodSecurity
 * "restricted:latest": ...}. {@code count} is how many times in a row it has failed (the count the
 * event recorder folds repeats into); the controller tries again after its back-off.
 *
 * @param kind {@code ReplicaSet}, {@code DaemonSet} or {@code StatefulSet}
 * @param object the controller's object: the ReplicaSet's name, the DaemonSet's or StatefulSet's
 */
public record WorkloadFailedCreate(String service, String kind, String object, String message, int count)
        implements Event {
    @Override
    public String type() {
        return "workload.failed_create";
    }
}
