package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/** {@code secrets: {web.1: [db_password], api.1: []}}: a task name and the names of the secrets it sees. */
final class SecretsCheckBinder implements CheckBinder {

    public String keyword() {
        return "secrets";
    }

    public Class<? extends Check> kind() {
        return Check.Secrets.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        Optional<List<Fields.Entry>> entries = scope.entries(value, "secrets");
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (Fields.Entry e : entries.get()) {
            TaskNames.check(e.name(), scope.view, scope.nodes).ifPresent(why -> scope.problems.add(e.key(), why));
            List<String> names = new ArrayList<>();
            for (Node item : Values.list(e.value(), e.name(), scope.problems)) {
                Values.string(item, e.name(), scope.problems).ifPresent(names::add);
            }
            out.put(e.name(), names);
        }
        return Optional.of(new Check.Secrets(out));
    }
}
