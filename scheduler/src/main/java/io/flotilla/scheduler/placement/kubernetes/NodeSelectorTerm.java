package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * A node selector term: its expressions and fields are ANDed. A term with neither matches no node
 * (upstream: "an empty term matches no objects").
 */
public record NodeSelectorTerm(List<NodeSelectorRequirement> matchExpressions, List<NodeSelectorRequirement> matchFields) {

    public NodeSelectorTerm {
        matchExpressions = List.copyOf(matchExpressions);
        matchFields = List.copyOf(matchFields);
    }

    public static NodeSelectorTerm of(NodeSelectorRequirement... expressions) {
        return new NodeSelectorTerm(List.of(expressions), List.of());
    }

    public static NodeSelectorTerm fields(NodeSelectorRequirement... fields) {
        return new NodeSelectorTerm(List.of(), List.of(fields));
    }

    /** Whether the node satisfies every expression and field of the term; an empty term matches nothing. */
    public boolean matches(String nodeName, Map<String, String> nodeLabels) {
        if (matchExpressions.isEmpty() && matchFields.isEmpty()) {
            return false;
        }
        for (NodeSelectorRequirement r : matchExpressions) {
            if (!r.matchesLabels(nodeLabels)) {
                return false;
            }
        }
        for (NodeSelectorRequirement r : matchFields) {
            if (!NodeSelectorRequirement.NAME_FIELD.equals(r.key()) || !r.matchesValue(nodeName)) {
                return false;
            }
        }
        return true;
    }
}
