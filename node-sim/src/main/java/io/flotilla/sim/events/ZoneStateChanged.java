package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Kubernetes strategy: the node lifecycle controller saw a zone change state ({@code normal},
 * {@code partial_disruption}, {@code full_disruption}) and now taints that zone's unreachable nodes
 * NoExecute at {@code evictionRate} nodes per second (0: evictions stop). {@code zone} is
 * {@code region:zone} from the topology labels, "" for nodes without them.
 */
public record ZoneStateChanged(String zone, String state, double evictionRate) implements Event {
    @Override
    public String type() {
        return "zone.state";
    }
}
