package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.List;
import java.util.SortedMap;

/**
 * Why the scheduler placed a task where it did (or could not place it), as computed at that
 * moment: per node, the filter that rejected it or the ranking keys it was compared by. Logged
 * only for the tasks a run was asked to explain.
 */
public record TaskExplained(String task, String name, String chosen, String error, List<Verdict> nodes) implements Event {

    /**
     * One node's verdict: {@code reason} is the rejecting filter's words, empty when feasible;
     * {@code total} is the weighted score the kubernetes strategy ranks by (null for swarm, and when
     * the node was the only feasible one, so nothing was scored).
     */
    public record Verdict(String node, boolean feasible, String reason, SortedMap<String, Long> scores, Long total) {

        public Verdict(String node, boolean feasible, String reason, SortedMap<String, Long> scores) {
            this(node, feasible, reason, scores, null);
        }
    }

    @Override
    public String type() {
        return "task.explain";
    }
}
