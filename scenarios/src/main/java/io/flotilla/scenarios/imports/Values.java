package io.flotilla.scenarios.imports;

import java.util.Map;
import org.yaml.snakeyaml.nodes.Tag;

/** Source values carried into the draft as they are written: text stays text, numbers and booleans stay what YAML reads. */
final class Values {

    private Values() {}

    /** The node as a draft value: a scalar with YAML's type, or a mapping or list of them. */
    static Draft.Value copy(SourceNode node) {
        if (node.isMapping()) {
            Draft.Mapping m = new Draft.Mapping();
            for (Map.Entry<String, SourceNode> e : node.entries().entrySet()) {
                m.put(e.getKey(), copy(e.getValue()), e.getValue().origin());
            }
            return m;
        }
        if (node.isList()) {
            Draft.Seq s = new Draft.Seq();
            node.items().forEach(i -> s.add(copy(i), i.origin()));
            return s;
        }
        return new Draft.Scalar(scalar(node));
    }

    /** A scalar with the type YAML gives it: {@code 3} a number, {@code "3"} text, {@code true} a boolean. */
    static Object scalar(SourceNode node) {
        String text = node.text().orElse("");
        try {
            if (node.isPlainOf(Tag.INT)) {
                return Long.parseLong(text.replace("_", ""));
            }
            if (node.isPlainOf(Tag.FLOAT)) {
                return Double.parseDouble(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text; // 0x1F, 0o17, .inf: left as text for the parser to judge
        }
        if (node.isPlainOf(Tag.BOOL) && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }

    /** Copies the listed keys of {@code from} into {@code to} as written, each with its source. */
    static void copyKeys(SourceNode from, Draft.Mapping to, Iterable<String> keys) {
        for (String key : keys) {
            from.get(key).ifPresent(v -> to.put(key, copy(v), v.origin()));
        }
    }
}
