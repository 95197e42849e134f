package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code kill_task: web.2}: a task name that fits its workload's mode at the item's time. A slot
 * above the replica count of that moment, or a global task on a node that is down, is legal (the
 * name is well formed) but kills nothing: a warning.
 */
final class KillTaskBinder implements ActionBinder {

    public String keyword() {
        return "kill_task";
    }

    public Class<? extends Action> kind() {
        return Action.KillTask.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<String> task = Values.string(value, "kill_task", scope.problems);
        Optional<String> why = task.flatMap(t -> TaskNames.check(t, scope.view, scope.nodes));
        why.ifPresent(w -> scope.problems.add(value, w));
        if (why.isPresent() || task.isEmpty()) {
            return Optional.empty();
        }
        absent(task.get(), scope).ifPresent(reason -> scope.warn(value, "kill_task: '" + task.get() + "' cannot exist at "
                + Durations.format(scope.at) + ": " + reason + "; this kill_task does nothing"));
        return task.map(Action.KillTask::new);
    }

    /** Why a well-formed task name names no task at the item's time, if the file tells. */
    private static Optional<String> absent(String task, TimelineScope scope) {
        int dot = task.indexOf('.');
        if (dot > 0) {
            String service = task.substring(0, dot);
            String rest = task.substring(dot + 1);
            if (scope.view.get(service).orElseThrow().mode() == ServiceMode.GLOBAL) {
                return scope.state.downSince(rest).stream().mapToObj(since -> "node '" + rest + "' is down (crashed at "
                        + Durations.format(since) + ", no restart since)").findFirst();
            }
            return beyond(service, Integer.parseInt(rest), scope);
        }
        int dash = task.lastIndexOf('-');
        return beyond(task.substring(0, dash), Integer.parseInt(task.substring(dash + 1)) + 1, scope);
    }

    private static Optional<String> beyond(String workload, int needed, TimelineScope scope) {
        OptionalInt replicas = scope.state.replicas(workload);
        if (replicas.isEmpty() || needed <= replicas.getAsInt()) {
            return Optional.empty();
        }
        int n = replicas.getAsInt();
        return Optional.of("'" + workload + "' has " + n + (n == 1 ? " replica" : " replicas"));
    }
}
