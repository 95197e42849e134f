package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Truth (Kubernetes strategy): the task's container cannot be created yet and waits, with the
 * kubelet's {@code reason} ({@code ErrImagePull}, {@code ImagePullBackOff}, {@code
 * ErrImageNeverPull}) and {@code message}, as the pod's container status says. The task keeps its
 * state; its {@code error} reads {@code reason: message} until it moves on.
 */
public record TaskWaiting(String task, String node, String reason, String message) implements Event {
    @Override
    public String type() {
        return "task.waiting";
    }
}
