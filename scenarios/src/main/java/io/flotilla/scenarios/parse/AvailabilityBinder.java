package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ActionIgnored;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code drain}, {@code pause} or {@code activate}: a node whose availability the operator sets. */
final class AvailabilityBinder implements ActionBinder {

    private final String keyword;
    private final Availability availability;

    AvailabilityBinder(String keyword, Availability availability) {
        this.keyword = keyword;
        this.availability = availability;
    }

    public String keyword() {
        return keyword;
    }

    public Class<? extends Action> kind() {
        return Action.SetAvailability.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<String> node = scope.node(value, keyword);
        node.ifPresent(n -> {
            if (scope.state.availability(n).orElse(null) == availability) {
                scope.warn(value, keyword + ": node '" + n + "' is already " + ActionIgnored.describe(availability)
                        + " at " + Durations.format(scope.at) + "; this " + keyword + " does nothing");
            }
            scope.state.availability(n, availability);
        });
        return node.map(n -> new Action.SetAvailability(n, availability));
    }
}
