package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.SourcePos;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
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
        if (text.length() > Limits.MAX_FILE_BYTES) {
            problems.add(SourcePos.START, "the file holds " + text.length() + " characters; a scenario file is at most "
                    + Limits.MAX_FILE_BYTES + " (8 MiB)");
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by Fields, with both positions
        options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
        options.setNestingDepthLimit(Limits.MAX_NESTING);
        options.setCodePointLimit(Limits.MAX_FILE_BYTES);
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
            Optional<Node> bomb = Limits.bomb(root);
            if (bomb.isPresent()) {
                problems.add(bomb.get(), "this value stands for more than " + Limits.MAX_VALUES
                        + " values once its aliases are followed (an alias bomb?)");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourcePos pos = mark == null ? SourcePos.START : new SourcePos(mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(pos, "invalid YAML: " + describe(e));
            return Optional.empty();
        } catch (YAMLException e) {
            // The limits of LoaderOptions come without a position: find where the file crosses them.
            LimitCrossed crossed = crossed(text);
            problems.add(crossed.at(), "invalid YAML: " + crossed.message().orElse(e.getMessage()));
            return Optional.empty();
        }
    }

    private record LimitCrossed(SourcePos at, Optional<String> message) {}

    /** Where {@code text} nests too deeply or uses too many aliases of collections, read as events (no recursion). */
    private static LimitCrossed crossed(String text) {
        LoaderOptions loose = new LoaderOptions();
        loose.setNestingDepthLimit(Integer.MAX_VALUE);
        loose.setCodePointLimit(Limits.MAX_FILE_BYTES);
        int depth = 0;
        int aliases = 0;
        java.util.Set<String> collections = new java.util.HashSet<>();
        try {
            for (Event event : new org.yaml.snakeyaml.Yaml(loose).parse(new StringReader(text))) {
                if (event instanceof CollectionStartEvent start) {
                    if (++depth > Limits.MAX_NESTING) {
                        return new LimitCrossed(at(event.getStartMark()), Optional.of("collections nest deeper than "
                                + Limits.MAX_NESTING + " levels (a scenario needs fewer than ten)"));
                    }
                    if (start.getAnchor() != null) {
                        collections.add(start.getAnchor());
                    }
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                } else if (event instanceof AliasEvent alias && collections.contains(alias.getAnchor())
                        && ++aliases > Limits.MAX_ALIASES) {
                    return new LimitCrossed(at(event.getStartMark()), Optional.of("more than " + Limits.MAX_ALIASES
                            + " aliases of lists and mappings"));
                }
            }
        } catch (YAMLException e) {
            // Reported as it is.
        }
        return new LimitCrossed(SourcePos.START, Optional.empty());
    }

    private static SourcePos at(Mark mark) {
        return mark == null ? SourcePos.START : new SourcePos(mark.getLine() + 1, mark.getColumn() + 1);
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
