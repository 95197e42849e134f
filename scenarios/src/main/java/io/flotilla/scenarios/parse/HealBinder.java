package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code heal: all}: the only value there is. */
final class HealBinder implements ActionBinder {

    public String keyword() {
        return "heal";
    }

    public Class<? extends Action> kind() {
        return Action.Heal.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        if (Yaml.isScalar(value) && Yaml.text(value).equals("all")) {
            if (!scope.state.hasCuts()) {
                scope.warn(value, "heal: nothing is partitioned or cut at " + Durations.format(scope.at) + "; this heal does nothing");
            }
            scope.state.healed();
            return Optional.of(new Action.Heal());
        }
        scope.problems.add(value, "heal: expected all, got " + Yaml.describe(value));
        return Optional.empty();
    }
}
