package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
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
        scope.state.ended(task.get());
        TaskPresence.absent(task.get(), scope).ifPresent(reason -> scope.warn(value, "kill_task: '" + task.get() + "' cannot exist at "
                + Durations.format(scope.at) + ": " + reason + "; this kill_task does nothing"));
        return task.map(Action.KillTask::new);
    }
}
