package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Check.Spread.Over;
import io.flotilla.scheduler.model.NodeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code spread: {web: [2, 2, 2]}}: running counts over the nodes that hold any, each at least 1;
 * or {@code spread: {web: {by: node.labels.zone, counts: [2, 2, 2]}}}: over the values of a node
 * label (or an engine label), named as a spread preference names it.
 */
final class SpreadBinder implements CheckBinder {

    static final List<String> KEYS = List.of("by", "counts");
    private static final String NODE_LABELS = "node.labels.";
    private static final String ENGINE_LABELS = "engine.labels.";

    public String keyword() {
        return "spread";
    }

    public Class<? extends Check> kind() {
        return Check.Spread.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        return scope.perWorkload(value, "spread", e -> e.value() instanceof MappingNode
                ? overLabel(e, scope)
                : Optional.of(Over.nodes(counts(e.value(), e.name(), scope))))
                .map(m -> new Check.Spread(new TreeMap<>(m)));
    }

    private static Optional<Over> overLabel(Fields.Entry e, ExpectationScope scope) {
        Optional<Fields> fields = Fields.of(e.value(), e.name(), "spread of '" + e.name() + "'", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        List<Integer> counts = f.required("counts").map(n -> counts(n, "counts", scope)).orElse(List.of());
        Optional<String> by = f.required("by").flatMap(n -> f.string("by"));
        if (by.isEmpty()) {
            return Optional.empty();
        }
        Node at = f.value("by").orElseThrow();
        String label = by.get();
        boolean engine = label.startsWith(ENGINE_LABELS);
        String key = engine ? label.substring(ENGINE_LABELS.length())
                : label.startsWith(NODE_LABELS) ? label.substring(NODE_LABELS.length()) : "";
        if (key.isEmpty()) {
            scope.problems.add(at, "by: expected node.labels.KEY or engine.labels.KEY, as a spread preference names a label; got \""
                    + label + "\"");
            return Optional.empty();
        }
        SortedMap<String, String> groupOf = new TreeMap<>();
        for (NodeSpec node : scope.nodeSpecs) {
            String v = (engine ? node.engineLabels() : node.labels()).get(key);
            if (v != null) {
                groupOf.put(node.name(), v);
            }
        }
        if (groupOf.isEmpty()) {
            scope.problems.warn(at, "by: no node has the label '" + label + "', so every task is in one group");
        }
        return Optional.of(new Over(Optional.of(label), groupOf, counts));
    }

    private static List<Integer> counts(Node node, String label, ExpectationScope scope) {
        List<Integer> counts = new ArrayList<>();
        for (Node item : Values.list(node, label, scope.problems)) {
            Values.integer(item, label, 1, Integer.MAX_VALUE, scope.problems).ifPresent(n -> counts.add(n.intValue()));
        }
        return counts;
    }
}
