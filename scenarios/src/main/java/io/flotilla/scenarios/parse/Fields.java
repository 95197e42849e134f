package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.SourcePos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping seen as a section of the format: built once, it reports duplicate keys and
 * keys the section does not know (with a suggestion), then hands out typed values that report
 * their own problems. A getter whose value is missing or wrong returns empty, so binding goes on
 * and every problem of the file is found in one pass.
 */
final class Fields {

    /** Keys often written one level off, and the section they belong to (compose's layout). */
    private static final Map<String, String> MISPLACED = Map.ofEntries(
            Map.entry("replicas", "deploy"),
            Map.entry("mode", "deploy"),
            Map.entry("endpoint_mode", "deploy"),
            Map.entry("placement", "deploy"),
            Map.entry("resources", "deploy"),
            Map.entry("restart_policy", "deploy"),
            Map.entry("update_config", "deploy"),
            Map.entry("rollback_config", "deploy"),
            Map.entry("constraints", "placement"),
            Map.entry("preferences", "placement"),
            Map.entry("max_replicas_per_node", "placement"),
            Map.entry("platforms", "placement"),
            Map.entry("reservations", "resources"),
            Map.entry("limits", "resources"));

    /** A key and its value; {@code value} may be an explicit null. */
    record Entry(String name, Node key, Node value) {}

    private final Node node;
    private final String context;
    private final Problems problems;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private boolean extensionsSkipped;

    private Fields(Node node, String context, Problems problems) {
        this.node = node;
        this.context = context;
        this.problems = problems;
    }

    /**
     * The mapping {@code node} as a section named {@code context} in messages ("deploy",
     * "service 'web'"); {@code allowed} lists its keys, or is null for a map of user-chosen names.
     * A null node is an empty section. Empty, after a report, when {@code node} is not a mapping.
     */
    static Optional<Fields> of(Node node, String label, String context, Problems problems, List<String> allowed) {
        return read(node, label, context, problems, allowed, false);
    }

    /** A section the file leaves out: every getter gives its fallback. */
    static Fields empty(String context, Problems problems) {
        return new Fields(null, context, problems);
    }

    /** Same as {@link #of}, and extension keys ({@code x-...}, compose style) are skipped silently. */
    static Optional<Fields> withExtensions(
            Node node, String label, String context, Problems problems, List<String> allowed) {
        return read(node, label, context, problems, allowed, true);
    }

    private static Optional<Fields> read(
            Node node, String label, String context, Problems problems, List<String> allowed, boolean extensions) {
        Fields fields = new Fields(node, context, problems);
        fields.extensionsSkipped = extensions;
        if (Yaml.isNull(node)) {
            return Optional.of(fields);
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, label + ": expected a mapping, got " + Yaml.describe(node));
            return Optional.empty();
        }
        for (NodeTuple tuple : flatten(mapping)) {
            fields.accept(tuple, allowed, extensions);
        }
        return Optional.of(fields);
    }

    private void accept(NodeTuple tuple, List<String> allowed, boolean extensions) {
        Node key = tuple.getKeyNode();
        if (!Yaml.isScalar(key)) {
            problems.add(key, "keys are names; got " + Yaml.describe(key) + " as a key in " + context);
            return;
        }
        String name = Yaml.text(key);
        Entry first = entries.get(name);
        if (first != null) {
            problems.add(key, "duplicate key '" + name + "' in " + context + " (first at line " + Yaml.pos(first.key).line() + ")");
            return;
        }
        if (extensions && name.startsWith("x-")) {
            entries.put(name, new Entry(name, key, tuple.getValueNode())); // kept for duplicates only
            return;
        }
        if (allowed != null && !allowed.contains(name)) {
            String hint = Suggestions.didYouMean(name, allowed);
            if (hint.isEmpty() && MISPLACED.containsKey(name) && !context.equals(MISPLACED.get(name))) {
                hint = "; it goes under " + MISPLACED.get(name);
            }
            problems.add(key, "unknown key '" + name + "' in " + context + hint);
            return;
        }
        entries.put(name, new Entry(name, key, tuple.getValueNode()));
    }

    /** YAML merge keys ({@code <<: *defaults}): explicit keys win, then earlier merged mappings. */
    static List<NodeTuple> flatten(MappingNode mapping) {
        List<NodeTuple> own = new ArrayList<>();
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                Node value = tuple.getValueNode();
                List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
                for (Node source : sources) {
                    if (source instanceof MappingNode m) {
                        merged.addAll(flatten(m));
                    }
                }
            } else {
                own.add(tuple);
            }
        }
        List<NodeTuple> all = new ArrayList<>(own);
        // A set, not a search of the list: two merged mappings of many keys would take quadratic time.
        Set<String> keys = new HashSet<>();
        own.forEach(t -> keyText(t).ifPresent(keys::add));
        for (NodeTuple tuple : merged) {
            Optional<String> key = keyText(tuple);
            if (key.isEmpty() || keys.add(key.get())) {
                all.add(tuple);
            }
        }
        return all;
    }

    private static Optional<String> keyText(NodeTuple tuple) {
        return Yaml.isScalar(tuple.getKeyNode()) ? Optional.of(Yaml.text(tuple.getKeyNode())) : Optional.empty();
    }

    Node node() {
        return node;
    }

    SourcePos pos() {
        return Yaml.pos(node);
    }

    String context() {
        return context;
    }

    Problems problems() {
        return problems;
    }

    /** Every key in file order, explicit nulls included (for maps of user-chosen names). */
    List<Entry> entries() {
        return entries.values().stream().filter(e -> !(extensionsSkipped && e.name.startsWith("x-"))).toList();
    }

    boolean has(String key) {
        return value(key).isPresent();
    }

    /** The value of {@code key} unless it is missing or an explicit null. */
    Optional<Node> value(String key) {
        Entry e = entries.get(key);
        return e == null || Yaml.isNull(e.value) ? Optional.empty() : Optional.of(e.value);
    }

    Optional<Node> key(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.key);
    }

    /** The value of a key that must be there; reports {@code missing key} at the section otherwise. */
    Optional<Node> required(String key) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) {
            Entry e = entries.get(key);
            problems.add(e != null ? e.value : node, "missing key '" + key + "' in " + context);
        }
        return v;
    }

    Optional<String> string(String key) {
        return value(key).flatMap(n -> Values.string(n, key, problems));
    }

    String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    Optional<Long> integer(String key, long min, long max) {
        return value(key).flatMap(n -> Values.integer(n, key, min, max, problems));
    }

    int integer(String key, int fallback, int min, int max) {
        return integer(key, (long) min, (long) max).map(Long::intValue).orElse(fallback);
    }

    boolean bool(String key, boolean fallback) {
        return value(key).flatMap(n -> Values.bool(n, key, problems)).orElse(fallback);
    }

    OptionalLong duration(String key) {
        return value(key).map(n -> Values.duration(n, key, problems)).orElse(OptionalLong.empty());
    }

    long duration(String key, long fallback) {
        return duration(key).orElse(fallback);
    }

    OptionalLong size(String key) {
        return value(key).map(n -> Values.size(n, key, problems)).orElse(OptionalLong.empty());
    }

    OptionalLong cpus(String key) {
        return value(key).map(n -> Values.cpus(n, key, problems)).orElse(OptionalLong.empty());
    }

    <E> E choice(String key, Map<String, E> choices, E fallback) {
        return value(key).flatMap(n -> Values.choice(n, key, choices, problems)).orElse(fallback);
    }

    List<String> strings(String key) {
        return value(key).map(n -> Values.strings(n, key, problems)).orElse(List.of());
    }

    /** The value of {@code key} as a list of nodes; empty (after a report) when it is not a list. */
    List<Node> list(String key) {
        return value(key).map(n -> Values.list(n, key, problems)).orElse(List.of());
    }

    /** The value of {@code key} as a sub-section. */
    Optional<Fields> section(String key, String subContext, List<String> allowed) {
        return value(key).flatMap(n -> of(n, key, subContext, problems, allowed));
    }
}
