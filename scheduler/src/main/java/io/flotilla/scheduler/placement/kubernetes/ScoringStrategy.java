package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;

/**
 * NodeResourcesFit's {@code scoringStrategy}: which formula, over which resources with which
 * weights (each 1..100), and for RequestedToCapacityRatio the shape, points of utilisation (0..100,
 * increasing) to score (0..10, multiplied by 10).
 *
 * @throws IllegalArgumentException from the constructor for an invalid weight or shape, naming the
 *     field as upstream's validation does ({@code scoringStrategy.resources[1].weight})
 */
public record ScoringStrategy(Type type, List<ResourceSpec> resources, List<ShapePoint> shape) {

    public enum Type {
        LEAST_ALLOCATED,
        MOST_ALLOCATED,
        REQUESTED_TO_CAPACITY_RATIO
    }

    public record ResourceSpec(String name, int weight) {}

    public record ShapePoint(int utilization, int score) {}

    /** cpu and memory, weight 1 each: the default for NodeResourcesFit and BalancedAllocation. */
    public static final List<ResourceSpec> DEFAULT_RESOURCES =
            List.of(new ResourceSpec(ResourceNames.CPU, 1), new ResourceSpec(ResourceNames.MEMORY, 1));

    public ScoringStrategy {
        resources = List.copyOf(resources);
        shape = List.copyOf(shape);
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("scoringStrategy.resources: Required value");
        }
        for (int i = 0; i < resources.size(); i++) {
            int w = resources.get(i).weight();
            if (w < 1 || w > 100) {
                throw new IllegalArgumentException(
                        "scoringStrategy.resources[" + i + "].weight: Invalid value: " + w + ": must be in the range [1, 100]");
            }
        }
        if (type == Type.REQUESTED_TO_CAPACITY_RATIO) {
            if (shape.isEmpty()) {
                throw new IllegalArgumentException("scoringStrategy.requestedToCapacityRatio.shape: Required value");
            }
            for (int i = 0; i < shape.size(); i++) {
                ShapePoint p = shape.get(i);
                if (p.utilization() < 0 || p.utilization() > 100 || p.score() < 0 || p.score() > 10
                        || (i > 0 && p.utilization() <= shape.get(i - 1).utilization())) {
                    throw new IllegalArgumentException("scoringStrategy.requestedToCapacityRatio.shape[" + i + "]: Invalid value");
                }
            }
        }
    }

    public static ScoringStrategy leastAllocated() {
        return new ScoringStrategy(Type.LEAST_ALLOCATED, DEFAULT_RESOURCES, List.of());
    }

    public static ScoringStrategy mostAllocated() {
        return new ScoringStrategy(Type.MOST_ALLOCATED, DEFAULT_RESOURCES, List.of());
    }

    public static ScoringStrategy requestedToCapacityRatio(List<ShapePoint> shape) {
        return new ScoringStrategy(Type.REQUESTED_TO_CAPACITY_RATIO, DEFAULT_RESOURCES, shape);
    }

    public ScoringStrategy withResources(List<ResourceSpec> newResources) {
        return new ScoringStrategy(type, newResources, shape);
    }
}
