package io.flotilla.scenarios.imports;

import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes API object written as the format writes Kubernetes' words: keys in snake case
 * ({@code labelSelector} is {@code label_selector}); the label keys under {@code matchLabels}, which
 * are names, not words, stay as written.
 */
final class Snake {

    private static final Set<String> NAMES_BELOW = Set.of("matchLabels");

    private Snake() {}

    static Draft.Value of(SourceNode node) {
        if (node.isMapping()) {
            Draft.Mapping out = new Draft.Mapping();
            for (Map.Entry<String, SourceNode> e : node.entries().entrySet()) {
                Draft.Value v = NAMES_BELOW.contains(e.getKey()) ? Values.copy(e.getValue()) : of(e.getValue());
                out.put(snake(e.getKey()), v, e.getValue().origin());
            }
            return out;
        }
        if (node.isList()) {
            Draft.Seq out = new Draft.Seq();
            node.items().forEach(i -> out.add(of(i), i.origin()));
            return out;
        }
        return Values.copy(node);
    }

    /** {@code topologyKey} is {@code topology_key}. */
    static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
