package io.flotilla.scenarios.parse;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What a check's binder reads against: the cluster's nodes, the services and statefulsets of the
 * expectation's moment, the expectation item itself (for keys beside the check, such as
 * {@code reason}), and where to report.
 */
final class ExpectationScope {

    final Problems problems;
    final Set<String> nodes;
    final Workloads.View view;
    final Fields item;

    ExpectationScope(Problems problems, Set<String> nodes, Workloads.View view, Fields item) {
        this.problems = problems;
        this.nodes = nodes;
        this.view = view;
        this.item = item;
    }

    /** {@code {web: 6}}: a count per service or statefulset. */
    Optional<TreeMap<String, Integer>> counts(Node value, String label) {
        return perWorkload(value, label, e -> Values.integer(e.value(), e.name(), 0, Integer.MAX_VALUE, problems)
                .map(Long::intValue));
    }

    /** A map keyed by service or statefulset, each value read by {@code reader}. */
    <T> Optional<TreeMap<String, T>> perWorkload(Node value, String label, Function<Fields.Entry, Optional<T>> reader) {
        Optional<Fields> fields = Fields.of(value, label, label, problems, null);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, T> out = new TreeMap<>();
        for (Fields.Entry e : fields.get().entries()) {
            view.checkWorkload(e.name()).ifPresent(why -> problems.add(e.key(), why));
            reader.apply(e).ifPresent(v -> out.put(e.name(), v));
        }
        if (fields.get().entries().isEmpty()) {
            problems.add(value, label + ": expected at least one service or statefulset");
        }
        return Optional.of(out);
    }

    /** Whether {@code name} is a node of the cluster; reported at {@code at} when it is not. */
    boolean knownNode(String name, Node at) {
        if (nodes.contains(name)) {
            return true;
        }
        problems.add(at, "unknown node '" + name + "'" + Suggestions.didYouMean(name, nodes));
        return false;
    }

    /** The entries of a map of user-chosen names ({@code on}, {@code node}), or empty after a report. */
    Optional<List<Fields.Entry>> entries(Node value, String label) {
        return Fields.of(value, label, label, problems, null).map(Fields::entries);
    }
}
