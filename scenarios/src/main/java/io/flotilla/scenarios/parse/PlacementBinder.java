package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/** {@code placement: {web: {worker-1: 2}}}: a count per node, per service or statefulset. */
final class PlacementBinder implements CheckBinder {

    public String keyword() {
        return "placement";
    }

    public Class<? extends Check> kind() {
        return Check.PlacementCheck.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        return scope.perWorkload(value, "placement", e -> perNode(e.value(), e.name(), scope))
                .map(m -> new Check.PlacementCheck(new TreeMap<>(m)));
    }

    private static Optional<TreeMap<String, Integer>> perNode(Node value, String label, ExpectationScope scope) {
        return Fields.of(value, label, "placement of '" + label + "'", scope.problems, null).map(f -> {
            TreeMap<String, Integer> out = new TreeMap<>();
            for (Fields.Entry e : f.entries()) {
                scope.knownNode(e.name(), e.key());
                Values.integer(e.value(), e.name(), 0, Integer.MAX_VALUE, scope.problems).ifPresent(n -> out.put(e.name(), n.intValue()));
            }
            return out;
        });
    }
}
