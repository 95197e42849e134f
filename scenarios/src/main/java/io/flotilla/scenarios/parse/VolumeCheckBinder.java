package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code volume: {data-db-0: {node: worker-1, state: attached}}} and
 * {@code volume: {data-db-0: {data_through: 5m}}}: per volume the file knows, at least one of
 * {@code node}, {@code state} ({@code attached}, {@code detached}, {@code lost}) and
 * {@code data_through} (a time, or {@code none}). {@code of: db-0} makes {@code data_through} count
 * that lineage's writes only: what a replica's volume holds of its primary's.
 */
final class VolumeCheckBinder implements CheckBinder {

    static final List<String> KEYS = List.of("node", "state", "data_through", "of");
    static final Map<String, String> STATES = Values.choices("attached", "attached", "detached", "detached", "lost", "lost");

    public String keyword() {
        return "volume";
    }

    public Class<? extends Check> kind() {
        return Check.VolumeCheck.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        Optional<List<Fields.Entry>> entries = scope.entries(value, "volume");
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (entries.get().isEmpty()) {
            scope.problems.add(value, "volume: expected at least one volume");
        }
        TreeMap<String, Check.VolumeExpectation> out = new TreeMap<>();
        for (Fields.Entry e : entries.get()) {
            scope.volumes.unknown(e.name()).ifPresent(why -> scope.problems.add(e.key(), why));
            Fields.of(e.value(), e.name(), "volume '" + e.name() + "'", scope.problems, KEYS).ifPresent(f -> {
                Optional<String> node = f.value("node").flatMap(n -> Values.string(n, "node", scope.problems));
                node.ifPresent(n -> scope.knownNode(n, f.value("node").orElseThrow()));
                Optional<String> state = f.value("state").flatMap(n -> Values.choice(n, "state", STATES, scope.problems));
                Optional<OptionalLong> through = f.value("data_through").flatMap(n -> dataThrough(n, scope.problems));
                Optional<String> of = f.value("of").flatMap(n -> Values.string(n, "of", scope.problems));
                if (of.isPresent() && f.value("data_through").isEmpty()) {
                    scope.problems.add(f.key("of").orElseThrow(), "volume '" + e.name()
                            + "': of says whose writes data_through counts; give data_through too");
                }
                if (f.entries().isEmpty()) {
                    scope.problems.add(e.value(), "volume '" + e.name() + "': expected node, state and/or data_through");
                }
                out.put(e.name(), new Check.VolumeExpectation(node, state, through, of));
            });
        }
        return Optional.of(new Check.VolumeCheck(out));
    }

    /** A time, or {@code none}: the volume holds no write from the start. */
    private static Optional<OptionalLong> dataThrough(Node n, Problems problems) {
        if (Yaml.isScalar(n) && Yaml.text(n).equals("none")) {
            return Optional.of(OptionalLong.empty());
        }
        OptionalLong t = Values.duration(n, "data_through", problems);
        return t.isPresent() ? Optional.of(t) : Optional.empty();
    }
}
