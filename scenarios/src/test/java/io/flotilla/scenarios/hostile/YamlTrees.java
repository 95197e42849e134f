package io.flotilla.scenarios.hostile;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/** SnakeYAML's composed nodes: find the values at a path, replace them, and write the tree back as text. */
final class YamlTrees {

    /** A place in a tree that holds a value (and, in a map of names, a key). */
    record Slot(Consumer<Node> setValue, Optional<Consumer<Node>> setKey) {}

    private YamlTrees() {}

    static Optional<Node> compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        try {
            return Optional.ofNullable(new Yaml(options).compose(new StringReader(text)));
        } catch (YAMLException e) {
            return Optional.empty();
        }
    }

    /** A value written as YAML flow text, as a node; a plain scalar when the text does not compose. */
    static Node value(String text) {
        return compose("v: " + text)
                .filter(n -> n instanceof MappingNode m && m.getValue().size() == 1)
                .map(n -> ((MappingNode) n).getValue().get(0).getValueNode())
                .orElseGet(() -> compose("v: '" + text.replace("'", "''") + "'").map(n -> ((MappingNode) n).getValue().get(0).getValueNode())
                        .orElseThrow());
    }

    static String write(Node root) {
        DumperOptions options = new DumperOptions();
        options.setWidth(400);
        options.setAllowUnicode(true);
        StringWriter out = new StringWriter();
        Serializer serializer = new Serializer(new Emitter(out, options), new Resolver(), options, null);
        try {
            serializer.open();
            serializer.serialize(root);
            serializer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Every value at {@code path} ({@code *}: any key of a map, {@code []}: any item of a list). */
    static List<Slot> find(Node root, List<String> path) {
        List<Slot> out = new ArrayList<>();
        find(root, path, 0, out);
        return out;
    }

    private static void find(Node node, List<String> path, int depth, List<Slot> out) {
        String segment = path.get(depth);
        boolean last = depth == path.size() - 1;
        if (segment.equals("[]")) {
            if (node instanceof SequenceNode seq) {
                for (int i = 0; i < seq.getValue().size(); i++) {
                    Node item = seq.getValue().get(i);
                    if (last) {
                        int at = i;
                        out.add(new Slot(n -> seq.getValue().set(at, n), Optional.empty()));
                    } else {
                        find(item, path, depth + 1, out);
                    }
                }
            }
            return;
        }
        if (!(node instanceof MappingNode map)) {
            return;
        }
        List<NodeTuple> tuples = map.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple t = tuples.get(i);
            boolean matches = segment.equals("*")
                    || t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(segment);
            if (!matches) {
                continue;
            }
            if (last) {
                int at = i;
                out.add(new Slot(
                        n -> tuples.set(at, new NodeTuple(tuples.get(at).getKeyNode(), n)),
                        segment.equals("*")
                                ? Optional.of(k -> tuples.set(at, new NodeTuple(k, tuples.get(at).getValueNode())))
                                : Optional.empty()));
            } else {
                find(t.getValueNode(), path, depth + 1, out);
            }
        }
    }
}
