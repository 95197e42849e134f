package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Truth (Kubernetes strategy): the kubelet will restart the task's exited container in place, on the
 * same node, after {@code backOffNanos} (CrashLoopBackOff: 10s, doubling up to 5m).
 */
public record ContainerBackOff(String task, String node, long backOffNanos, String message) implements Event {
    @Override
    public String type() {
        return "task.backoff";
    }
}
