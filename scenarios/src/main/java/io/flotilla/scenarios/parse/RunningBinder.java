package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code running: {web: 6}}: a count per service or statefulset. */
final class RunningBinder implements CheckBinder {

    public String keyword() {
        return "running";
    }

    public Class<? extends Check> kind() {
        return Check.Running.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        return scope.counts(value, keyword()).map(Check.Running::new);
    }
}
