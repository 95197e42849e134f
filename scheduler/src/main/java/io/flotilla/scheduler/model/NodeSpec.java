package io.flotilla.scheduler.model;

import java.util.List;
import java.util.SortedMap;

/**
 * The static description of a node. The name is also its hostname and its id, as in a
 * scenario file. {@code resources} is what the node offers in total. {@code plugins} are the
 * volume plugins its engine has installed (swarmkit's {@code Engine.Plugins} of type Volume,
 * besides the built-in {@code local} driver every engine has).
 */
public record NodeSpec(
        String name,
        NodeRole role,
        Resources resources,
        SortedMap<String, String> labels,
        SortedMap<String, String> engineLabels,
        Platform platform,
        List<String> taints,
        List<String> plugins) {

    public NodeSpec {
        labels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(labels));
        engineLabels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(engineLabels));
        taints = List.copyOf(taints);
        plugins = List.copyOf(plugins);
    }

    /** A node with no volume plugin but the built-in {@code local} driver. */
    public NodeSpec(String name, NodeRole role, Resources resources, SortedMap<String, String> labels,
            SortedMap<String, String> engineLabels, Platform platform, List<String> taints) {
        this(name, role, resources, labels, engineLabels, platform, taints, List.of());
    }
}
