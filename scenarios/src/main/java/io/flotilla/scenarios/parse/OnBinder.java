package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** {@code on: {web.1: worker-1, db-0: [worker-1, worker-2]}}: a task name and the node or nodes it may run on. */
final class OnBinder implements CheckBinder {

    public String keyword() {
        return "on";
    }

    public Class<? extends Check> kind() {
        return Check.On.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        Optional<List<Fields.Entry>> entries = scope.entries(value, "on");
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (Fields.Entry e : entries.get()) {
            TaskNames.check(e.name(), scope.view, scope.nodes).ifPresent(why -> scope.problems.add(e.key(), why));
            List<Node> choices = e.value() instanceof SequenceNode
                    ? Values.list(e.value(), e.name(), scope.problems)
                    : List.of(e.value());
            List<String> names = new ArrayList<>();
            for (Node choice : choices) {
                Values.string(choice, e.name(), scope.problems).filter(n -> scope.knownNode(n, choice)).ifPresent(names::add);
            }
            if (choices.isEmpty()) {
                scope.problems.add(e.value(), e.name() + ": expected a node or a list of nodes");
            }
            out.put(e.name(), names);
        }
        return Optional.of(new Check.On(out));
    }
}
