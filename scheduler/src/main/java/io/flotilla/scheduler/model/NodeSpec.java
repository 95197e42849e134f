package io.flotilla.scheduler.model;

import java.util.List;
import java.util.SortedMap;

/**
 * The static description of a node. The name is also its hostname and its id, as in a
 * scenario file. {@code resources} is what the node offers in total.
 */
public record NodeSpec(
        String name,
        NodeRole role,
        Resources resources,
        SortedMap<String, String> labels,
        SortedMap<String, String> engineLabels,
        Platform platform,
        List<String> taints) {

    public NodeSpec {
        labels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(labels));
        engineLabels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(engineLabels));
        taints = List.copyOf(taints);
    }
}
