package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scheduler.model.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code expect} list: each item is an optional {@code at} (a time, or {@code end}, the
 * default) plus exactly one check; {@code reason} goes only beside {@code pending}. Names are
 * checked against what exists at the item's time.
 */
final class ExpectationsBinder {

    static final List<String> CHECKS = List.of("running", "placement", "spread", "pending", "on", "node");
    static final List<String> KEYS = List.of("at", "reason", "running", "placement", "spread", "pending", "on", "node");
    static final Map<String, NodeStatus> CONDITIONS = Values.choices(
            "ready", NodeStatus.READY, "down", NodeStatus.DOWN, "unknown", NodeStatus.UNKNOWN,
            "disconnected", NodeStatus.DISCONNECTED);

    /** An expectation and its {@code at} node, if any (for the check against {@code until}). */
    record Bound(Expectation expectation, Optional<Node> atNode) {}

    private final Problems problems;
    private final Set<String> nodes;
    private final Workloads workloads;

    ExpectationsBinder(Problems problems, Set<String> nodes, Workloads workloads) {
        this.problems = problems;
        this.nodes = nodes;
        this.workloads = workloads;
    }

    List<Bound> bind(Fields top) {
        List<Bound> out = new ArrayList<>();
        for (Node item : top.list("expect")) {
            Fields.of(item, "expect", "expectation", problems, KEYS).flatMap(this::bindOne).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Bound> bindOne(Fields f) {
        int before = problems.count();
        OptionalLong at = OptionalLong.empty();
        Optional<Node> atNode = f.value("at");
        if (atNode.isPresent() && !(Yaml.isScalar(atNode.get()) && Yaml.text(atNode.get()).equals("end"))) {
            at = Values.duration(atNode.get(), "at", problems);
        }
        List<String> present = CHECKS.stream().filter(f::has).toList();
        if (present.isEmpty()) {
            problems.add(f.node(), "expectation has no check; expected one of " + String.join(", ", CHECKS));
        } else if (present.size() > 1) {
            problems.add(f.key(present.get(1)).orElseThrow(), "expectation has " + present.size() + " checks ("
                    + String.join(", ", present) + "); give each check its own item");
        }
        if (f.has("reason") && !present.contains("pending")) {
            problems.add(f.key("reason").orElseThrow(), "reason: only a 'pending' check takes a reason");
        }
        // Every check is read, even in a broken item, so that the problems inside it are reported too.
        Workloads.View view = at.isPresent() ? workloads.at(at.getAsLong()) : workloads.atEnd();
        Optional<Check> check = Optional.empty();
        for (String kind : present) {
            check = check(kind, f.value(kind).orElseThrow(), view, f);
        }
        if (problems.count() != before) {
            return Optional.empty();
        }
        OptionalLong when = at;
        return check.map(c -> new Bound(new Expectation(f.pos(), when, c), atNode));
    }

    private Optional<Check> check(String kind, Node value, Workloads.View view, Fields f) {
        return switch (kind) {
            case "running" -> counts(value, kind, view).map(Check.Running::new);
            case "placement" -> placement(value, view);
            case "spread" -> spread(value, view);
            case "pending" -> counts(value, kind, view).map(c -> new Check.Pending(c, f.string("reason")));
            case "on" -> on(value, view);
            case "node" -> nodeConditions(value);
            default -> throw new IllegalStateException("check without a binder: " + kind);
        };
    }

    /** {@code {web: 6}}: a count per service or statefulset. */
    private Optional<TreeMap<String, Integer>> counts(Node value, String label, Workloads.View view) {
        return perWorkload(value, label, view, e -> Values.integer(e.value(), e.name(), 0, Integer.MAX_VALUE, problems)
                .map(Long::intValue));
    }

    private Optional<Check> placement(Node value, Workloads.View view) {
        return perWorkload(value, "placement", view, e -> perNode(e.value(), e.name()))
                .map(m -> new Check.PlacementCheck(new TreeMap<>(m)));
    }

    private Optional<TreeMap<String, Integer>> perNode(Node value, String label) {
        return Fields.of(value, label, "placement of '" + label + "'", problems, null).map(f -> {
            TreeMap<String, Integer> out = new TreeMap<>();
            for (Fields.Entry e : f.entries()) {
                knownNode(e.name(), e.key());
                Values.integer(e.value(), e.name(), 0, Integer.MAX_VALUE, problems).ifPresent(n -> out.put(e.name(), n.intValue()));
            }
            return out;
        });
    }

    private Optional<Check> spread(Node value, Workloads.View view) {
        return perWorkload(value, "spread", view, e -> {
            List<Integer> counts = new ArrayList<>();
            for (Node item : Values.list(e.value(), e.name(), problems)) {
                Values.integer(item, e.name(), 1, Integer.MAX_VALUE, problems).ifPresent(n -> counts.add(n.intValue()));
            }
            return Optional.of(counts);
        }).map(m -> new Check.Spread(new TreeMap<>(m)));
    }

    private Optional<Check> on(Node value, Workloads.View view) {
        Optional<Fields> fields = Fields.of(value, "on", "on", problems, null);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, List<String>> out = new TreeMap<>();
        for (Fields.Entry e : fields.get().entries()) {
            TaskNames.check(e.name(), view, nodes).ifPresent(why -> problems.add(e.key(), why));
            List<Node> choices = e.value() instanceof org.yaml.snakeyaml.nodes.SequenceNode
                    ? Values.list(e.value(), e.name(), problems)
                    : List.of(e.value());
            List<String> names = new ArrayList<>();
            for (Node choice : choices) {
                Values.string(choice, e.name(), problems).filter(n -> knownNode(n, choice)).ifPresent(names::add);
            }
            if (choices.isEmpty()) {
                problems.add(e.value(), e.name() + ": expected a node or a list of nodes");
            }
            out.put(e.name(), names);
        }
        return Optional.of(new Check.On(out));
    }

    private Optional<Check> nodeConditions(Node value) {
        Optional<Fields> fields = Fields.of(value, "node", "node", problems, null);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, NodeStatus> out = new TreeMap<>();
        for (Fields.Entry e : fields.get().entries()) {
            knownNode(e.name(), e.key());
            Values.choice(e.value(), e.name(), CONDITIONS, problems).ifPresent(s -> out.put(e.name(), s));
        }
        return Optional.of(new Check.NodeCondition(out));
    }

    /** A map keyed by service or statefulset, each value read by {@code reader}. */
    private <T> Optional<TreeMap<String, T>> perWorkload(
            Node value, String label, Workloads.View view, Function<Fields.Entry, Optional<T>> reader) {
        Optional<Fields> fields = Fields.of(value, label, label, problems, null);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, T> out = new TreeMap<>();
        for (Fields.Entry e : fields.get().entries()) {
            view.checkWorkload(e.name()).ifPresent(why -> problems.add(e.key(), why));
            reader.apply(e).ifPresent(v -> out.put(e.name(), v));
        }
        if (fields.get().entries().isEmpty()) {
            problems.add(value, label + ": expected at least one service or statefulset");
        }
        return Optional.of(out);
    }

    private boolean knownNode(String name, Node at) {
        if (nodes.contains(name)) {
            return true;
        }
        problems.add(at, "unknown node '" + name + "'" + Suggestions.didYouMean(name, nodes));
        return false;
    }
}
