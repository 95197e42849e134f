package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** What a pass has decided so far, and the explanations it was asked for. */
final class Decisions {

    final List<Assignment> assignments = new ArrayList<>();
    final List<Unplaced> unplaced = new ArrayList<>();
    final List<String> shutDown = new ArrayList<>();
    final List<Explanation> explanations = new ArrayList<>();
    private final Set<String> explain;

    Decisions(Set<String> explain) {
        this.explain = explain;
    }

    boolean wantsExplanation(Task t) {
        return !explain.isEmpty() && explain.contains(t.id());
    }

    /** Every given node's verdict for the task, as things stand now. */
    void explain(Task t, Optional<String> chosen, NodeInfo[] nodes, Pipeline pipeline, Ranking ranking) {
        List<NodeVerdict> verdicts = new ArrayList<>(nodes.length);
        for (NodeInfo n : nodes) {
            Optional<Filter> failed = pipeline.firstFailure(n);
            verdicts.add(failed.isPresent()
                    ? new NodeVerdict(n.name, false, failed.get().reason(), new TreeMap<>())
                    : new NodeVerdict(n.name, true, "", ranking.keys(n)));
        }
        explanations.add(new Explanation(t.id(), chosen, verdicts));
    }

    PlacementResult result() {
        return new PlacementResult(assignments, unplaced, shutDown, explanations);
    }
}
