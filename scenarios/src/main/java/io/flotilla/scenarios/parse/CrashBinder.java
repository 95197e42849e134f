package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code crash: worker-2}: a node of the cluster; crashing a node that is already down does nothing. */
final class CrashBinder implements ActionBinder {

    public String keyword() {
        return "crash";
    }

    public Class<? extends Action> kind() {
        return Action.Crash.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<String> node = scope.node(value, keyword());
        node.ifPresent(n -> {
            scope.state.downSince(n).ifPresent(since -> scope.warn(value, "crash: node '" + n + "' is already down at "
                    + Durations.format(scope.at) + " (crashed at " + Durations.format(since) + ", no restart since); this crash does nothing"));
            scope.state.crashed(n, scope.at);
        });
        return node.map(Action.Crash::new);
    }
}
