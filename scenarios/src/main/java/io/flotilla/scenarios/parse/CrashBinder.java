package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code crash: worker-2}: a node of the cluster. */
final class CrashBinder implements ActionBinder {

    public String keyword() {
        return "crash";
    }

    public Class<? extends Action> kind() {
        return Action.Crash.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        return scope.node(value, keyword()).map(Action.Crash::new);
    }
}
