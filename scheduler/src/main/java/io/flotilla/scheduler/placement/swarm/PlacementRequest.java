package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.Task;
import java.util.List;
import java.util.Set;

/**
 * What one scheduler pass sees. {@code nodes} in scenario order (it breaks ties); {@code tasks} is
 * every task the manager knows, in any state: those observed ASSIGNED..RUNNING on a node occupy it,
 * PENDING ones are placed. {@code nowNanos} is virtual time, for the failure window. Explanations are
 * computed only for the ids in {@code explainTaskIds}.
 */
public record PlacementRequest(
        List<Node> nodes, List<Task> tasks, long nowNanos, FailureHistory failures, Set<String> explainTaskIds) {

    public PlacementRequest {
        nodes = List.copyOf(nodes);
        tasks = List.copyOf(tasks);
        explainTaskIds = Set.copyOf(explainTaskIds);
    }

    public static PlacementRequest of(List<Node> nodes, List<Task> tasks, long nowNanos) {
        return new PlacementRequest(nodes, tasks, nowNanos, FailureHistory.NONE, Set.of());
    }
}
