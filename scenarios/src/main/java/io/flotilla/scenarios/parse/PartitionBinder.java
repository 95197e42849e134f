package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code partition: [[manager-1, worker-1], [worker-2]]}: groups of nodes, each node in one group
 * at most; the nodes no group lists form one more group, so that at least two groups are cut apart.
 */
final class PartitionBinder implements ActionBinder {

    public String keyword() {
        return "partition";
    }

    public Class<? extends Action> kind() {
        return Action.Partition.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Problems problems = scope.problems;
        List<List<String>> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean ok = true;
        List<Node> items = Values.list(value, "partition", problems);
        for (Node groupNode : items) {
            List<String> group = new ArrayList<>();
            List<Node> members = Values.list(groupNode, "partition", problems);
            if (members.isEmpty()) {
                problems.add(groupNode, "partition: each group is a non-empty list of nodes, such as [worker-1, worker-2]");
                ok = false;
            }
            for (Node member : members) {
                Optional<String> n = scope.node(member, "partition");
                if (n.isPresent() && !seen.add(n.get())) {
                    problems.add(member, "partition: node '" + n.get() + "' is in two groups");
                    ok = false;
                } else if (n.isPresent()) {
                    group.add(n.get());
                } else {
                    ok = false;
                }
            }
            groups.add(group);
        }
        if (items.isEmpty()) {
            problems.add(value, "partition: expected a list of groups of nodes, such as [[manager-1], [worker-1, worker-2]]");
            return Optional.empty();
        }
        List<String> rest = scope.nodes.stream().filter(n -> !seen.contains(n)).toList();
        if (!rest.isEmpty()) {
            groups.add(rest);
        }
        if (ok && groups.size() < 2) {
            problems.add(value, "partition: a single group cuts nothing; name at least two groups, or leave some nodes out");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        scope.state.partitioned();
        return Optional.of(new Action.Partition(groups));
    }
}
