package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code kill_task: web.2}: a task name that fits its workload's mode at the item's time. */
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
        return why.isEmpty() ? task.map(Action.KillTask::new) : Optional.empty();
    }
}
