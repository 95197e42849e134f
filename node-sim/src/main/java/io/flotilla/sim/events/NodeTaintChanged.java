package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Belief (Kubernetes strategy): the node lifecycle controller added or removed one of its taints,
 * for example {@code node.kubernetes.io/unreachable:NoExecute}. Swarm has no taints of its own.
 */
public record NodeTaintChanged(String node, String taint, boolean added, String reason) implements Event {
    @Override
    public String type() {
        return added ? "node.taint_added" : "node.taint_removed";
    }
}
