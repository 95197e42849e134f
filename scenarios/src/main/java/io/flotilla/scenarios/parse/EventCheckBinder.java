package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Check.Traffic.Span;
import io.flotilla.scenarios.model.EventKind;
import io.flotilla.scenarios.model.EventKind.Subject;
import io.flotilla.scheduler.time.Durations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code event: {kind: task.failed, task: web.2, between: [30s, 2m], happened: false}}: an
 * {@link EventKind}, what narrows it ({@code task}, {@code service}, {@code node}, as far as the kind
 * is about them), the span (before the expectation's time when none is given) and whether it
 * happened (the default) or never did.
 */
final class EventCheckBinder implements CheckBinder {

    static final List<String> KEYS = List.of("kind", "task", "service", "node", "between", "happened");

    /** Which narrowing keys each subject takes. */
    private static final Map<Subject, Set<String>> NARROWED_BY = Map.of(
            Subject.TASK, Set.of("task", "service", "node"),
            Subject.NODE, Set.of("node"),
            Subject.SERVICE, Set.of("service"),
            Subject.CLUSTER, Set.of());

    public String keyword() {
        return "event";
    }

    public Class<? extends Check> kind() {
        return Check.Happened.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        Optional<Fields> fields = Fields.of(value, "event", "event", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = scope.problems.count();
        Optional<EventKind> kind = f.required("kind").flatMap(n -> f.string("kind")).flatMap(name -> {
            Optional<EventKind> k = EventKind.named(name);
            if (k.isEmpty()) {
                scope.problems.add(f.value("kind").orElseThrow(), "kind: expected an event kind such as task.failed, node.down or "
                        + "update.paused, got \"" + name + "\"" + Suggestions.didYouMean(name, EventKind.ALL.keySet()));
            }
            return k;
        });
        Optional<String> task = f.string("task");
        Optional<String> service = f.string("service");
        Optional<String> node = f.string("node");
        task.ifPresent(t -> TaskNames.check(t, scope.view, scope.nodes)
                .ifPresent(why -> scope.problems.add(f.value("task").orElseThrow(), why)));
        service.ifPresent(s -> scope.view.checkWorkload(s).ifPresent(why -> scope.problems.add(f.value("service").orElseThrow(), why)));
        node.ifPresent(n -> scope.knownNode(n, f.value("node").orElseThrow()));
        kind.ifPresent(k -> {
            for (String key : List.of("task", "service", "node")) {
                if (f.has(key) && !NARROWED_BY.get(k.subject()).contains(key)) {
                    Set<String> allowed = NARROWED_BY.get(k.subject());
                    scope.problems.add(f.key(key).orElseThrow(), key + ": " + k.name() + " is about "
                            + subjectWords(k.subject()) + (allowed.isEmpty() ? "; nothing narrows it" : "; narrow it with "
                            + String.join(" or ", allowed.stream().sorted().toList())));
                }
            }
        });
        boolean happened = f.bool("happened", true);
        Optional<Span> between = f.value("between").flatMap(n -> between(n, scope));
        if (scope.problems.count() != before || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Check.Happened(kind.get(), task, service, node, between, happened));
    }

    private static String subjectWords(Subject subject) {
        switch (subject) {
            case TASK:
                return "a task";
            case NODE:
                return "a node";
            case SERVICE:
                return "a service";
            default:
                return "the cluster";
        }
    }

    /** {@code [30s, 2m]}: the end after the start and not after the expectation. */
    private static Optional<Span> between(Node node, ExpectationScope scope) {
        List<Node> ends = Values.list(node, "between", scope.problems);
        if (ends.size() != 2) {
            if (node instanceof SequenceNode) {
                scope.problems.add(node, "between: expected [START, END], two times such as [30s, 2m]; got " + ends.size()
                        + (ends.size() == 1 ? " time" : " times"));
            }
            return Optional.empty();
        }
        OptionalLong from = Values.duration(ends.get(0), "between", scope.problems);
        OptionalLong to = Values.duration(ends.get(1), "between", scope.problems);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (to.getAsLong() <= from.getAsLong()) {
            scope.problems.add(ends.get(1), "between: the end (" + Durations.format(to.getAsLong()) + ") must be after the start ("
                    + Durations.format(from.getAsLong()) + ")");
            return Optional.empty();
        }
        if (scope.at.isPresent() && to.getAsLong() > scope.at.getAsLong()) {
            scope.problems.add(ends.get(1), "between: " + Durations.format(to.getAsLong()) + " is after the expectation's time (at: "
                    + Durations.format(scope.at.getAsLong()) + "); what happens later is not known then");
            return Optional.empty();
        }
        scope.notAfterEnd(ends.get(1), "between", to.getAsLong());
        return Optional.of(new Span(from.getAsLong(), to.getAsLong()));
    }
}
