package io.flotilla.scenarios.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reading of one YAML value, reporting at the value's position with the key it sits under:
 * {@code replicas: expected a number, got "three"}. Each returns empty when the value is wrong.
 */
final class Values {

    private Values() {}

    /** Any scalar, as written: {@code image: 1.0} is the text "1.0", as in compose files. */
    static Optional<String> string(Node node, String label, Problems problems) {
        if (!Yaml.isScalar(node)) {
            problems.add(node, label + ": expected a string, got " + Yaml.describe(node));
            return Optional.empty();
        }
        return Optional.of(Yaml.text(node));
    }

    /** A whole number written as one (not quoted), within {@code [min, max]}. */
    static Optional<Long> integer(Node node, String label, long min, long max, Problems problems) {
        if (!Yaml.isPlainOf(node, Tag.INT)) {
            String got = Yaml.isScalar(node) && !Yaml.isPlainOf(node, Tag.FLOAT) && isDigits(Yaml.text(node))
                    ? "the quoted text " + Yaml.describe(node)
                    : Yaml.describe(node);
            problems.add(node, label + ": expected a whole number, got " + got);
            return Optional.empty();
        }
        String text = Yaml.text(node).replace("_", "");
        long value;
        try {
            value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            // Digits that a long cannot hold are out of range, not a typo.
            boolean negative = text.startsWith("-");
            if (isDigits(negative || text.startsWith("+") ? text.substring(1) : text)) {
                problems.add(node, label + (negative ? ": must be at least " + min : ": must be at most " + max)
                        + ", got " + Yaml.text(node));
            } else {
                problems.add(node, label + ": expected a whole number, got " + Yaml.describe(node));
            }
            return Optional.empty();
        }
        if (value < min) {
            problems.add(node, label + ": must be at least " + min + ", got " + value);
            return Optional.empty();
        }
        if (value > max) {
            problems.add(node, label + ": must be at most " + max + ", got " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Only {@code true} and {@code false}: YAML 1.1's {@code yes}, {@code on} and friends are refused. */
    static Optional<Boolean> bool(Node node, String label, Problems problems) {
        if (Yaml.isScalar(node) && Yaml.isPlainOf(node, Tag.BOOL)) {
            String text = Yaml.text(node);
            if (text.equals("true") || text.equals("false")) {
                return Optional.of(Boolean.parseBoolean(text));
            }
        }
        problems.add(node, label + ": expected true or false, got " + Yaml.describe(node));
        return Optional.empty();
    }

    static OptionalLong duration(Node node, String label, Problems problems) {
        return unit(node, label, Quantities.DURATION, Quantities::nanos, problems);
    }

    static OptionalLong size(Node node, String label, Problems problems) {
        return unit(node, label, Quantities.SIZE, Quantities::bytes, problems,
                Quantities::sizeTooLarge, Quantities.LARGEST_SIZE);
    }

    static OptionalLong cpus(Node node, String label, Problems problems) {
        return unit(node, label, Quantities.CPUS, Quantities::nanoCpus, problems,
                Quantities::cpusTooLarge, Quantities.LARGEST_CPUS);
    }

    static OptionalLong bandwidth(Node node, String label, Problems problems) {
        return unit(node, label, Quantities.BANDWIDTH, Quantities::bytesPerSecond, problems,
                Quantities::bandwidthTooLarge, Quantities.LARGEST_BANDWIDTH);
    }

    private static OptionalLong unit(Node node, String label, String expected, Function<String, OptionalLong> parser,
            Problems problems) {
        return unit(node, label, expected, parser, problems, t -> false, "");
    }

    /** {@code tooLarge} tells a well-formed value that a long cannot hold from a typo, for {@code largest} to name the limit. */
    private static OptionalLong unit(Node node, String label, String expected, Function<String, OptionalLong> parser,
            Problems problems, Predicate<String> tooLarge, String largest) {
        OptionalLong value = Yaml.isScalar(node) ? parser.apply(Yaml.text(node)) : OptionalLong.empty();
        if (value.isEmpty()) {
            problems.add(node, Yaml.isScalar(node) && tooLarge.test(Yaml.text(node))
                    ? label + ": " + Yaml.text(node) + " is too large; " + largest
                    : label + ": expected " + expected + ", got " + Yaml.describe(node));
        }
        return value;
    }

    /** One of a fixed set of words; a near miss gets a suggestion. */
    static <E> Optional<E> choice(Node node, String label, Map<String, E> choices, Problems problems) {
        if (Yaml.isScalar(node) && choices.containsKey(Yaml.text(node))) {
            return Optional.of(choices.get(Yaml.text(node)));
        }
        String hint = Yaml.isScalar(node) ? Suggestions.didYouMean(Yaml.text(node), choices.keySet()) : "";
        problems.add(node, label + ": expected one of " + String.join(", ", choices.keySet()) + ", got "
                + Yaml.describe(node) + hint);
        return Optional.empty();
    }

    static List<Node> list(Node node, String label, Problems problems) {
        if (Yaml.isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(node, label + ": expected a list, got " + Yaml.describe(node));
            return List.of();
        }
        return seq.getValue();
    }

    /** A list of strings; the wrong items are reported and left out. */
    static List<String> strings(Node node, String label, Problems problems) {
        List<String> out = new ArrayList<>();
        for (Node item : list(node, label, problems)) {
            string(item, label, problems).ifPresent(out::add);
        }
        return out;
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    /** An ordered map of the words a scenario may write and what they mean. */
    static <E> Map<String, E> choices(Object... wordsAndValues) {
        Map<String, E> out = new LinkedHashMap<>();
        for (int i = 0; i < wordsAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            E value = (E) wordsAndValues[i + 1];
            out.put((String) wordsAndValues[i], value);
        }
        return out;
    }
}
