package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Strategy;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code force_delete: db-1}: a task name that fits its workload at the item's time, whose newest pod
 * is deleted without grace. Swarm has no object to delete apart from its task (a task on a node that
 * is down is replaced by itself, and {@code docker service rm} removes the whole service), so a file
 * with it is one the swarm strategy cannot run.
 */
final class ForceDeleteBinder implements ActionBinder {

    static final String UNDER_SWARM = "force_delete: Swarm has no pod object to delete without its node "
            + "(a task on a node that is down is replaced by itself); this is kubectl delete pod --force --grace-period=0";

    public String keyword() {
        return "force_delete";
    }

    public Class<? extends Action> kind() {
        return Action.ForceDelete.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<String> task = Values.string(value, keyword(), scope.problems);
        Optional<String> why = task.flatMap(t -> TaskNames.check(t, scope.view, scope.nodes));
        why.ifPresent(w -> scope.problems.add(value, w));
        scope.problems.addFor(Strategy.SWARM, scope.strategy, value, UNDER_SWARM);
        return why.isPresent() ? Optional.empty() : task.map(Action.ForceDelete::new);
    }
}
