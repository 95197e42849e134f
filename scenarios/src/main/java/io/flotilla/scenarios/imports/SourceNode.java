package io.flotilla.scenarios.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of a source file with where it is ({@code FILE:LINE:COLUMN}) and the path of keys that
 * leads to it ({@code services.db.volumes}), for the messages about what was dropped. Mappings have
 * YAML merge keys applied (explicit keys win); scalars read as written.
 */
final class SourceNode {

    private final Node node;
    private final String file;
    private final String path;

    SourceNode(Node node, String file, String path) {
        this.node = node;
        this.file = file;
        this.path = path;
    }

    String path() {
        return path;
    }

    /** This node with its keys' paths starting from {@code label}: {@code Deployment web: spec.replicas}. */
    SourceNode named(String label) {
        return new SourceNode(node, file, label + ": ");
    }

    /** {@code FILE:LINE:COLUMN} of this node, 1-based. */
    Origin origin() {
        Mark mark = node.getStartMark();
        return new Origin(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, path);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** The scalar's text as written; empty for a mapping, a list or a null. */
    Optional<String> text() {
        return node instanceof ScalarNode s && !isNull() ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** True for a plain scalar YAML reads as a number or a boolean (not quoted text). */
    boolean isPlainOf(Tag tag) {
        return node instanceof ScalarNode s && s.getTag().equals(tag);
    }

    /** The mapping's entries by key text, in file order, merge keys applied; empty for anything else. */
    Map<String, SourceNode> entries() {
        Map<String, SourceNode> out = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : flatten(m)) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.putIfAbsent(k.getValue(), new SourceNode(t.getValueNode(), file, child(k.getValue())));
                }
            }
        }
        return out;
    }

    /** The key nodes of the mapping, by key text, for messages about a key itself. */
    Map<String, SourceNode> keys() {
        Map<String, SourceNode> out = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : flatten(m)) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.putIfAbsent(k.getValue(), new SourceNode(k, file, child(k.getValue())));
                }
            }
        }
        return out;
    }

    Optional<SourceNode> get(String key) {
        return Optional.ofNullable(entries().get(key)).filter(n -> !n.isNull());
    }

    Optional<String> text(String key) {
        return get(key).flatMap(SourceNode::text);
    }

    /** The list's items; a scalar is a list of one (compose accepts both in many places); nothing else is. */
    List<SourceNode> items() {
        List<SourceNode> out = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) {
                String self = path.endsWith(": ") ? path.substring(0, path.length() - 2) : path;
                out.add(new SourceNode(s.getValue().get(i), file, self + "[" + i + "]"));
            }
        } else if (text().isPresent()) {
            out.add(this);
        }
        return out;
    }

    private String child(String key) {
        return path.isEmpty() || path.endsWith(" ") ? path + key : path + "." + key;
    }

    /** YAML merge keys ({@code <<: *defaults}): explicit keys first, then the merged mappings' keys. */
    private static List<NodeTuple> flatten(MappingNode mapping) {
        List<NodeTuple> own = new ArrayList<>();
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                Node value = tuple.getValueNode();
                for (Node source : value instanceof SequenceNode seq ? seq.getValue() : List.of(value)) {
                    if (source instanceof MappingNode m) {
                        merged.addAll(flatten(m));
                    }
                }
            } else {
                own.add(tuple);
            }
        }
        own.addAll(merged);
        return own;
    }
}
