package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code restart: worker-2}: a node of the cluster. */
final class RestartBinder implements ActionBinder {

    public String keyword() {
        return "restart";
    }

    public Class<? extends Action> kind() {
        return Action.Restart.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        return scope.node(value, keyword()).map(Action.Restart::new);
    }
}
