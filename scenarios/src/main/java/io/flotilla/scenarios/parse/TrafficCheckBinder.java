package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Check.Traffic.Measure;
import io.flotilla.scenarios.model.Check.Traffic.Range;
import io.flotilla.scenarios.model.Check.Traffic.Span;
import io.flotilla.scheduler.time.Durations;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code traffic: {client: shoppers, between: [2m, 10m], failed: 0}}: a declared client, one or more
 * of {@code sent}, {@code served}, {@code failed} and {@code served_by}, each a number or
 * {@code {at_least, at_most}}, and optionally the span of send times, in whole seconds (traffic is
 * counted in one-second windows), ending no later than the expectation.
 */
final class TrafficCheckBinder implements CheckBinder {

    static final List<String> KEYS =
            Stream.concat(Stream.of("client", "between"), Stream.of(Measure.values()).map(m -> m.key)).toList();
    static final List<String> RANGE_KEYS = List.of("at_least", "at_most");

    public String keyword() {
        return "traffic";
    }

    public Class<? extends Check> kind() {
        return Check.Traffic.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        Optional<Fields> fields = Fields.of(value, "traffic", "traffic", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = scope.problems.count();
        Optional<String> client = f.required("client").flatMap(n -> f.string("client"));
        client.filter(c -> !scope.traffic.containsKey(c)).ifPresent(c -> scope.problems.add(f.value("client").orElseThrow(),
                "unknown traffic client '" + c + "'" + Suggestions.didYouMean(c, scope.traffic.keySet())
                        + (scope.traffic.isEmpty() ? "; declare it under the top-level 'traffic'" : "")));
        Map<Measure, Range> measures = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            f.value(m.key).flatMap(n -> range(n, m.key, scope.problems)).ifPresent(r -> measures.put(m, r));
        }
        if (Stream.of(Measure.values()).noneMatch(m -> f.has(m.key))) {
            scope.problems.add(f.node(), "traffic: expected at least one of sent, served, failed, served_by");
        }
        Optional<Span> between = f.value("between").flatMap(n -> between(n, scope));
        if (scope.problems.count() != before || client.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Check.Traffic(client.get(), between, scope.at, measures));
    }

    /** {@code 3}, or {@code {at_least: 3}}, {@code {at_most: 20}}, or both. */
    private static Optional<Range> range(Node node, String label, Problems problems) {
        if (!(node instanceof MappingNode)) {
            return Values.integer(node, label, 0, Long.MAX_VALUE, problems).map(Range::exactly);
        }
        Optional<Fields> fields = Fields.of(node, label, label, problems, RANGE_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<Long> atLeast = f.integer("at_least", 0, Long.MAX_VALUE);
        Optional<Long> atMost = f.integer("at_most", 0, Long.MAX_VALUE);
        if (!f.has("at_least") && !f.has("at_most")) {
            problems.add(node, label + ": expected a number, or at_least and/or at_most");
            return Optional.empty();
        }
        if (atLeast.isPresent() && atMost.isPresent() && atLeast.get() > atMost.get()) {
            problems.add(f.value("at_least").orElseThrow(), "at_least: must not be more than at_most (" + atMost.get() + ")");
            return Optional.empty();
        }
        return Optional.of(new Range(
                atLeast.map(OptionalLong::of).orElse(OptionalLong.empty()),
                atMost.map(OptionalLong::of).orElse(OptionalLong.empty())));
    }

    /** {@code [2m, 10m]}: whole seconds, the end after the start and not after the expectation. */
    private static Optional<Span> between(Node node, ExpectationScope scope) {
        List<Node> ends = Values.list(node, "between", scope.problems);
        if (ends.size() != 2) {
            if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
                scope.problems.add(node, "between: expected [START, END], two times such as [2m, 10m]; got " + ends.size()
                        + (ends.size() == 1 ? " time" : " times"));
            }
            return Optional.empty();
        }
        long[] times = new long[2];
        for (int i = 0; i < 2; i++) {
            OptionalLong t = Values.duration(ends.get(i), "between", scope.problems);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            if (t.getAsLong() % Durations.SECOND != 0) {
                scope.problems.add(ends.get(i), "between: " + Durations.format(t.getAsLong())
                        + " is not a whole second; traffic is counted in one-second windows");
                return Optional.empty();
            }
            times[i] = t.getAsLong();
        }
        if (times[1] <= times[0]) {
            scope.problems.add(ends.get(1), "between: the end (" + Durations.format(times[1]) + ") must be after the start ("
                    + Durations.format(times[0]) + ")");
            return Optional.empty();
        }
        if (scope.at.isPresent() && times[1] > scope.at.getAsLong()) {
            scope.problems.add(ends.get(1), "between: " + Durations.format(times[1]) + " is after the expectation's time (at: "
                    + Durations.format(scope.at.getAsLong()) + "); requests sent later are not known then");
            return Optional.empty();
        }
        scope.notAfterEnd(ends.get(1), "between", times[1]);
        return Optional.of(new Span(times[0], times[1]));
    }
}
