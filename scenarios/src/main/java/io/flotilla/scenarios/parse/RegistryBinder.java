package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code registry_down: hub} and {@code registry_up}: a registry images are pulled from ({@code hub},
 * or one the file declares). Taking down a registry that is down, or bringing up one that is up,
 * does nothing: a warning.
 */
final class RegistryBinder implements ActionBinder {

    private final boolean up;

    RegistryBinder(boolean up) {
        this.up = up;
    }

    public String keyword() {
        return up ? "registry_up" : "registry_down";
    }

    public Class<? extends Action> kind() {
        return Action.Registry.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        String label = keyword();
        Optional<String> name = Values.string(value, label, scope.problems);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String registry = name.get();
        if (!scope.registries.contains(registry)) {
            scope.problems.add(value, "unknown registry '" + registry + "'" + Suggestions.didYouMean(registry, scope.registries)
                    + "; the registries are " + String.join(", ", scope.registries));
            return Optional.empty();
        }
        OptionalLong since = scope.state.registryDownSince(registry);
        if (up && since.isEmpty()) {
            scope.warn(value, label + ": registry '" + registry + "' is up at " + Durations.format(scope.at)
                    + " (no registry_down of it before); this registry_up does nothing");
        } else if (!up && since.isPresent()) {
            scope.warn(value, label + ": registry '" + registry + "' is already down at " + Durations.format(scope.at)
                    + " (since " + Durations.format(since.getAsLong()) + "); this registry_down does nothing");
        }
        scope.state.registry(registry, up, scope.at);
        return Optional.of(new Action.Registry(registry, up));
    }
}
