package io.flotilla.scheduler.placement.swarm;

import java.util.List;
import java.util.Optional;

/**
 * Why a task went where it went: every node's verdict just before the decision (for a task left
 * pending, after its group was tried). A preassigned task is only checked against its own node.
 */
public record Explanation(String taskId, Optional<String> chosen, List<NodeVerdict> nodes) {

    public Explanation {
        nodes = List.copyOf(nodes);
    }
}
