package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A key whose target decides the action: {@code pause: worker-1} sets a node's availability and
 * {@code pause: web.1} freezes a task's container; {@code restart: worker-2} boots a node and
 * {@code restart: web.1} restarts a container. A name that is both a node and a task is refused,
 * as nothing tells which is meant; a name that is neither gets the node's message, or the task's
 * when it begins with a workload's name.
 */
final class NodeOrTaskBinder implements ActionBinder {

    private final ActionBinder forNode;
    private final ActionBinder forTask;

    NodeOrTaskBinder(ActionBinder forNode, ActionBinder forTask) {
        if (!forNode.keyword().equals(forTask.keyword())) {
            throw new IllegalArgumentException(forNode.keyword() + " and " + forTask.keyword() + " are different keys");
        }
        this.forNode = forNode;
        this.forTask = forTask;
    }

    public String keyword() {
        return forNode.keyword();
    }

    /** The node's record, the key's first meaning; {@link #kinds()} has both. */
    public Class<? extends Action> kind() {
        return forNode.kind();
    }

    @Override
    public List<Class<? extends Action>> kinds() {
        return List.of(forNode.kind(), forTask.kind());
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        if (!Yaml.isScalar(value)) {
            return forNode.bind(value, scope);
        }
        String name = Yaml.text(value);
        boolean node = scope.nodes.contains(name);
        boolean task = TaskNames.check(name, scope.view, scope.nodes).isEmpty();
        if (node && task) {
            scope.problems.add(value, keyword() + ": '" + name + "' is both a node and a task of '" + TaskNames.workloadOf(name)
                    + "'; rename the node, so that the timeline can tell which is meant");
            return Optional.empty();
        }
        if (task || (!node && namesAWorkload(name, scope))) {
            return forTask.bind(value, scope);
        }
        return forNode.bind(value, scope);
    }

    /** Whether the name starts with a workload's name and a dot or dash, as a task name would. */
    private static boolean namesAWorkload(String name, TimelineScope scope) {
        int dot = name.indexOf('.');
        int dash = name.lastIndexOf('-');
        int end = dot > 0 ? dot : dash;
        return end > 0 && scope.view.get(name.substring(0, end)).isPresent();
    }
}
