package io.flotilla.scheduler.placement.swarm;

import java.util.List;

/**
 * What a pass decided, in decision order (preassigned tasks first, then task groups in the order of
 * their first task). {@code shutDown} lists PENDING tasks whose desired state is SHUTDOWN or later:
 * the caller moves them to SHUTDOWN (see the package documentation).
 */
public record PlacementResult(
        List<Assignment> assignments, List<Unplaced> unplaced, List<String> shutDown, List<Explanation> explanations) {

    public PlacementResult {
        assignments = List.copyOf(assignments);
        unplaced = List.copyOf(unplaced);
        shutDown = List.copyOf(shutDown);
        explanations = List.copyOf(explanations);
    }
}
