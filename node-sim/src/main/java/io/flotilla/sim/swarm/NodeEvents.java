package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Availability;
import java.util.List;

/**
 * What the parts hear about nodes, as swarmkit's orchestrators, restart supervisor and scheduler
 * watch the store for node updates. The dispatcher reports what heartbeats tell it; the operator's
 * node commands report the rest. A part overrides what it reacts to.
 */
interface NodeEvents {

    /** The node heartbeats again after it was unknown or down. */
    default void nodeReady(String node) {}

    /** The node is down or was removed ({@code reason}): its tasks must go elsewhere. */
    default void nodeLost(String node, String reason) {}

    /** The operator changed the node's availability (drain, pause, active). */
    default void availabilityChanged(String node, Availability availability) {}

    /** The node has been down a day and its tasks are orphaned: what they held is free. */
    default void tasksOrphaned(String node) {}

    /** Tells each listener in turn, in the order given. */
    static NodeEvents inOrder(NodeEvents... listeners) {
        List<NodeEvents> all = List.of(listeners);
        return new NodeEvents() {
            @Override
            public void nodeReady(String node) {
                all.forEach(l -> l.nodeReady(node));
            }

            @Override
            public void nodeLost(String node, String reason) {
                all.forEach(l -> l.nodeLost(node, reason));
            }

            @Override
            public void availabilityChanged(String node, Availability availability) {
                all.forEach(l -> l.availabilityChanged(node, availability));
            }

            @Override
            public void tasksOrphaned(String node) {
                all.forEach(l -> l.tasksOrphaned(node));
            }
        };
    }
}
