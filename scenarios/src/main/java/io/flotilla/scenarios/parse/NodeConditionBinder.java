package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scheduler.model.NodeStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/** {@code node: {worker-2: down}}: a node and the condition it must be in. */
final class NodeConditionBinder implements CheckBinder {

    static final Map<String, NodeStatus> CONDITIONS = Values.choices(
            "ready", NodeStatus.READY, "down", NodeStatus.DOWN, "unknown", NodeStatus.UNKNOWN,
            "disconnected", NodeStatus.DISCONNECTED);

    public String keyword() {
        return "node";
    }

    public Class<? extends Check> kind() {
        return Check.NodeCondition.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        Optional<List<Fields.Entry>> entries = scope.entries(value, "node");
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, NodeStatus> out = new TreeMap<>();
        for (Fields.Entry e : entries.get()) {
            scope.knownNode(e.name(), e.key());
            Values.choice(e.value(), e.name(), CONDITIONS, scope.problems).ifPresent(s -> out.put(e.name(), s));
        }
        return Optional.of(new Check.NodeCondition(out));
    }
}
