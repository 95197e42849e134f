package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code link_down: [worker-1, worker-2]} and {@code link_up}: two different nodes of the cluster.
 * Taking down a link that is down, or bringing up one that is up, does nothing: a warning.
 */
final class LinkBinder implements ActionBinder {

    private final boolean up;

    LinkBinder(boolean up) {
        this.up = up;
    }

    public String keyword() {
        return up ? "link_up" : "link_down";
    }

    public Class<? extends Action> kind() {
        return Action.Link.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        String label = keyword();
        List<Node> ends = Values.list(value, label, scope.problems);
        if (ends.size() != 2) {
            if (value instanceof SequenceNode) {
                scope.problems.add(value, label + ": a link joins two nodes, such as [worker-1, worker-2]; got "
                        + ends.size() + (ends.size() == 1 ? " node" : " nodes"));
            }
            ends.forEach(n -> scope.node(n, label));
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (Node end : ends) {
            Optional<String> name = scope.node(end, label);
            if (name.isPresent() && names.contains(name.get())) {
                scope.problems.add(end, label + ": a link joins two different nodes; '" + name.get() + "' is named twice");
                return Optional.empty();
            }
            name.ifPresent(names::add);
        }
        if (names.size() != 2) {
            return Optional.empty();
        }
        String a = names.get(0);
        String b = names.get(1);
        OptionalLong since = scope.state.linkDownSince(a, b);
        String link = "the link between '" + a + "' and '" + b + "'";
        if (up && since.isEmpty()) {
            scope.warn(value, label + ": " + link + " is up at " + Durations.format(scope.at)
                    + " (no link_down since the start or the last heal); this link_up does nothing");
        } else if (!up && since.isPresent()) {
            scope.warn(value, label + ": " + link + " is already down at " + Durations.format(scope.at) + " (since "
                    + Durations.format(since.getAsLong()) + "); this link_down does nothing");
        }
        if (up) {
            scope.state.linkUp(a, b);
        } else {
            scope.state.linkDown(a, b, scope.at);
        }
        return Optional.of(new Action.Link(a, b, up));
    }
}
