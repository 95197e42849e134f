package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scheduler.model.NodeSpec;
import java.util.Optional;

/**
 * The zone of a node, for the per-zone figures: its label {@code zone} (what scenarios and Swarm
 * spread preferences use), else the well-known Kubernetes label {@code topology.kubernetes.io/zone}.
 * A node with neither is in no zone. The same rule picks the nodes of a {@code zone_down}.
 */
final class Zones {

    private Zones() {}

    static Optional<String> of(NodeSpec node) {
        return NodeDecl.zoneOf(node);
    }
}
