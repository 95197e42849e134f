package io.flotilla.scheduler.model;

import java.util.List;

/**
 * Where a task may go: constraints such as {@code node.labels.zone == a}, spread preferences as
 * descriptors such as {@code node.labels.zone}, a per-node limit (0 = none) and the platforms the
 * image runs on (empty = any).
 */
public record Placement(
        List<String> constraints, List<String> spreadPreferences, int maxReplicas, List<Platform> platforms) {

    public static final Placement NONE = new Placement(List.of(), List.of(), 0, List.of());

    public Placement {
        constraints = List.copyOf(constraints);
        spreadPreferences = List.copyOf(spreadPreferences);
        platforms = List.copyOf(platforms);
    }
}
