package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code unhealthy: web.2} and {@code healthy: web.2}: a task name that fits its workload's mode at
 * the item's time. Making a task of a service without a healthcheck unhealthy, a task unhealthy
 * twice, or healthy a task whose check never failed, does nothing: a warning.
 */
final class HealthBinder implements ActionBinder {

    private final boolean healthy;

    HealthBinder(boolean healthy) {
        this.healthy = healthy;
    }

    public String keyword() {
        return healthy ? "healthy" : "unhealthy";
    }

    public Class<? extends Action> kind() {
        return Action.Health.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        String label = keyword();
        Optional<String> task = Values.string(value, label, scope.problems);
        Optional<String> why = task.flatMap(t -> TaskNames.check(t, scope.view, scope.nodes));
        why.ifPresent(w -> scope.problems.add(value, w));
        if (why.isPresent() || task.isEmpty()) {
            return Optional.empty();
        }
        String name = task.get();
        String when = Durations.format(scope.at);
        String service = TaskNames.workloadOf(name);
        boolean checked = scope.view.get(service).flatMap(Workloads.Workload::spec)
                .map(s -> s.task().healthcheck().isPresent())
                .orElse(true);
        if (!checked) {
            scope.warn(value, label + ": service '" + service + "' has no healthcheck at " + when + "; this " + label
                    + " does nothing");
        } else if (healthy && scope.state.unhealthySince(name).isEmpty()) {
            scope.warn(value, label + ": '" + name + "' is not unhealthy at " + when + " (no unhealthy before it); this "
                    + label + " does nothing");
        } else if (!healthy && scope.state.unhealthySince(name).isPresent()) {
            scope.warn(value, label + ": '" + name + "' is already unhealthy at " + when + " (since "
                    + Durations.format(scope.state.unhealthySince(name).getAsLong()) + ", no healthy since); this " + label
                    + " does nothing");
        }
        scope.state.health(name, healthy, scope.at);
        return Optional.of(new Action.Health(name, healthy));
    }
}
