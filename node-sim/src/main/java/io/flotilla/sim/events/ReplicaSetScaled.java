package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Kubernetes strategy: the deployment controller changed a ReplicaSet's replica count (upstream's
 * {@code ScalingReplicaSet} event), during a rollout or a scale.
 */
public record ReplicaSetScaled(String service, String replicaSet, int from, int to) implements Event {
    @Override
    public String type() {
        return "replicaset.scale";
    }

    /** Upstream's wording: {@code Scaled up replica set web-v2 from 0 to 1}. */
    public String message() {
        return "Scaled " + (to > from ? "up" : "down") + " replica set " + replicaSet + " from " + from + " to " + to;
    }
}
