package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Truth: a task's health check (Swarm) or readiness probe (Kubernetes) reached {@code status},
 * {@code starting}, {@code healthy} or {@code unhealthy}, after {@code failingStreak} failures in a row.
 */
public record TaskHealthChanged(String task, String node, String status, int failingStreak) implements Event {
    @Override
    public String type() {
        return "task.health";
    }
}
