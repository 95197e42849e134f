package io.flotilla.scenarios.compare;

import io.flotilla.scheduler.model.NodeSpec;
import java.util.Optional;

/**
 * The zone of a node, for the per-zone figures: its label {@code zone} (what scenarios and Swarm
 * spread preferences use), else the well-known Kubernetes label {@code topology.kubernetes.io/zone}.
 * A node with neither is in no zone.
 */
final class Zones {

    static final String LABEL = "zone";
    static final String KUBERNETES_LABEL = "topology.kubernetes.io/zone";

    private Zones() {}

    static Optional<String> of(NodeSpec node) {
        String zone = node.labels().get(LABEL);
        return Optional.ofNullable(zone != null ? zone : node.labels().get(KUBERNETES_LABEL));
    }
}
