package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code restart: worker-2}: a node of the cluster; restarting a node that is up does nothing. */
final class RestartBinder implements ActionBinder {

    public String keyword() {
        return "restart";
    }

    public Class<? extends Action> kind() {
        return Action.Restart.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<String> node = scope.node(value, keyword());
        node.ifPresent(n -> {
            if (scope.state.downSince(n).isEmpty()) {
                String why = scope.state.restartedAt(n)
                        .stream().mapToObj(at -> "restarted at " + Durations.format(at) + ", no crash since")
                        .findFirst().orElse("no crash before it");
                scope.warn(value, "restart: node '" + n + "' is up at " + Durations.format(scope.at) + " (" + why
                        + "); this restart does nothing");
            }
            scope.state.restarted(n, scope.at);
        });
        return node.map(Action.Restart::new);
    }
}
