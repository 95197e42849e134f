package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/** {@code spread: {web: [2, 2, 2]}}: running counts over the nodes that hold any, each at least 1. */
final class SpreadBinder implements CheckBinder {

    public String keyword() {
        return "spread";
    }

    public Class<? extends Check> kind() {
        return Check.Spread.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        return scope.perWorkload(value, "spread", e -> {
            List<Integer> counts = new ArrayList<>();
            for (Node item : Values.list(e.value(), e.name(), scope.problems)) {
                Values.integer(item, e.name(), 1, Integer.MAX_VALUE, scope.problems).ifPresent(n -> counts.add(n.intValue()));
            }
            return Optional.of(counts);
        }).map(m -> new Check.Spread(new TreeMap<>(m)));
    }
}
