package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod's node affinity. {@code required} is {@code requiredDuringSchedulingIgnoredDuringExecution}:
 * its terms are ORed, and present with no terms it matches no node. {@code preferred} terms add their
 * weight (1..100) to every node they match.
 */
public record NodeAffinity(Optional<List<NodeSelectorTerm>> required, List<Preferred> preferred) {

    public static final NodeAffinity NONE = new NodeAffinity(Optional.empty(), List.of());

    public NodeAffinity {
        required = required.map(List::copyOf);
        preferred = List.copyOf(preferred);
    }

    public static NodeAffinity required(NodeSelectorTerm... terms) {
        return new NodeAffinity(Optional.of(List.of(terms)), List.of());
    }

    public NodeAffinity withPreferred(int weight, NodeSelectorTerm term) {
        List<Preferred> copy = new java.util.ArrayList<>(preferred);
        copy.add(new Preferred(weight, term));
        return new NodeAffinity(required, copy);
    }

    /** Whether the required terms let the node in (true when there are none). */
    public boolean requiredMatches(String nodeName, Map<String, String> labels) {
        if (required.isEmpty()) {
            return true;
        }
        for (NodeSelectorTerm t : required.get()) {
            if (t.matches(nodeName, labels)) {
                return true;
            }
        }
        return false;
    }

    /** {@code preferredDuringSchedulingIgnoredDuringExecution} entry. */
    public record Preferred(int weight, NodeSelectorTerm preference) {}
}
