package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.SourcePos;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The YAML layer: composes text into SnakeYAML's node tree (which keeps every line and column and
 * has not yet turned {@code on} or {@code no} into booleans), and small helpers over its nodes.
 */
final class Yaml {

    private Yaml() {}

    /** The one document of {@code text}, or empty after reporting why there is none. */
    static Optional<Node> compose(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by Fields, with both positions
        options.setMaxAliasesForCollections(200);
        try {
            Iterator<Node> documents = new org.yaml.snakeyaml.Yaml(options).composeAll(new StringReader(text)).iterator();
            if (!documents.hasNext()) {
                problems.add(SourcePos.START, "the file is empty; a scenario needs at least 'scenario' and 'nodes'");
                return Optional.empty();
            }
            Node root = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                problems.add(second, "a scenario file holds one YAML document; this is a second one");
            }
            return Optional.of(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourcePos pos = mark == null ? SourcePos.START : new SourcePos(mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(pos, "invalid YAML: " + describe(e));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(SourcePos.START, "invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        if (context.isEmpty()) {
            return problem;
        }
        if (problem.isEmpty()) {
            return context;
        }
        return problem + " (" + context + ")";
    }

    static SourcePos pos(Node node) {
        Mark mark = node == null ? null : node.getStartMark();
        return mark == null ? SourcePos.START : new SourcePos(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** An explicit null ({@code ~}, {@code null} or nothing at all); a quoted "null" is text. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    static boolean isScalar(Node node) {
        return node instanceof ScalarNode && !isNull(node);
    }

    /** The scalar's text exactly as written (without quotes), whatever YAML would resolve it to. */
    static String text(Node node) {
        return ((ScalarNode) node).getValue();
    }

    /** A plain scalar YAML resolves to a number or a boolean (so it was not written as text). */
    static boolean isPlainOf(Node node, Tag tag) {
        return node instanceof ScalarNode s && s.isPlain() && s.getTag().equals(tag);
    }

    /** How a value looks, for messages: {@code "12 parsecs"}, {@code a list}, {@code a mapping}, {@code nothing}. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return quote(text(node));
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
