package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code zone_down: a} and {@code zone_up: a}: a zone some node is in (its label {@code zone}, or
 * {@code topology.kubernetes.io/zone}). Taking down a zone whose nodes are all down already, or
 * bringing up one whose nodes are all up, does nothing: a warning.
 */
final class ZoneBinder implements ActionBinder {

    private final boolean up;

    ZoneBinder(boolean up) {
        this.up = up;
    }

    public String keyword() {
        return up ? "zone_up" : "zone_down";
    }

    public Class<? extends Action> kind() {
        return Action.Zone.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        String label = keyword();
        Optional<String> zone = Values.string(value, label, scope.problems);
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        List<String> nodes = scope.zones.get(zone.get());
        if (nodes == null) {
            // The zones are listed rather than guessed at: zone names are short, and any two are close.
            scope.problems.add(value, "unknown zone '" + zone.get() + "'"
                    + (scope.zones.isEmpty() ? "; no node has a zone: give nodes labels: {zone: " + zone.get() + "}"
                            : "; the zones are " + String.join(", ", scope.zones.keySet())));
            return Optional.empty();
        }
        String when = Durations.format(scope.at);
        List<String> changing = nodes.stream().filter(n -> scope.state.downSince(n).isPresent() == up).toList();
        if (changing.isEmpty()) {
            scope.warn(value, label + ": every node of zone '" + zone.get() + "' is " + (up ? "up" : "already down") + " at "
                    + when + "; this " + label + " does nothing");
        }
        for (String n : changing) {
            if (up) {
                scope.state.restarted(n, scope.at);
            } else {
                scope.state.crashed(n, scope.at);
            }
        }
        return Optional.of(new Action.Zone(zone.get(), nodes, up));
    }
}
