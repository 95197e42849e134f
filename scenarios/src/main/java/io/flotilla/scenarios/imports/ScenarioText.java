package io.flotilla.scenarios.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A {@link Draft} written as a scenario file: block style for the sections and the workloads, small
 * mappings and lists inline ({@code {name: worker, count: 3}}), text quoted wherever YAML could read
 * it as something else. It remembers which part of the draft each stretch of the text holds, so a
 * problem the parser reports at a line and column leads back to the draft's entry and its source.
 */
final class ScenarioText {

    /** A stretch of the text (lines and columns 1-based, the end exclusive) and the entry it holds. */
    record Span(int line, int column, int endLine, int endColumn, Draft.Entry entry, Runnable remove) {
        boolean contains(int l, int c) {
            return (l > line || (l == line && c >= column)) && (l < endLine || (l == endLine && c < endColumn));
        }
    }

    private static final int INLINE_WIDTH = 100;
    /** Text that needs no quotes anywhere, block or flow, if YAML reads it as text (not {@code 3}, {@code true}). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*");
    private static final Resolver RESOLVER = new Resolver();
    /** YAML 1.1 reads these as booleans where the format reads text; quoted, they are never in doubt. */
    private static final Set<String> WORDS_YAML_READS = Set.of("yes", "no", "on", "off", "y", "n");

    private final StringBuilder out = new StringBuilder();
    private final List<Span> spans = new ArrayList<>();
    private int line = 1;
    private int lineStart = 0;

    private ScenarioText() {}

    /** The draft as text, after the header comment lines. */
    static ScenarioText of(List<String> header, Draft.Mapping root) {
        ScenarioText t = new ScenarioText();
        header.forEach(h -> t.append("# " + h + "\n"));
        t.block(root, 0, 0, false);
        return t;
    }

    String text() {
        return out.toString();
    }

    /**
     * The entry with a source that most closely holds the position: the innermost stretch that has
     * one; empty when none does (the problem is in what the import made up).
     */
    Optional<Span> at(int l, int c) {
        Span best = null;
        for (Span s : spans) {
            if (s.entry().origin().isPresent() && s.contains(l, c) && (best == null || startsAfter(s, best))) {
                best = s; // a stretch inside another starts after it, or where it starts (recorded first)
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean startsAfter(Span a, Span b) {
        return a.line() > b.line() || (a.line() == b.line() && a.column() > b.column());
    }

    /** A mapping in block style; {@code onDashLine}: its first key follows a list's dash already written. */
    private void block(Draft.Mapping m, int indent, int depth, boolean onDashLine) {
        boolean first = true;
        for (Map.Entry<String, Draft.Entry> e : List.copyOf(m.entries.entrySet())) {
            append(first && onDashLine ? "" : " ".repeat(indent));
            first = false;
            int startLine = line;
            int startCol = column();
            append(key(e.getKey()) + ":");
            Draft.Value v = e.getValue().value();
            if (inline(v, depth + 1, indent + e.getKey().length() + 2)) {
                append(" ");
                flow(v);
                append("\n");
            } else if (v instanceof Draft.Mapping child) {
                append("\n");
                block(child, indent + 2, depth + 1, false);
            } else {
                append("\n");
                list((Draft.Seq) v, indent + 2, depth + 1);
            }
            record(startLine, startCol, e.getValue(), () -> m.entries.remove(e.getKey()));
        }
    }

    private void list(Draft.Seq s, int indent, int depth) {
        for (Draft.Entry item : List.copyOf(s.items)) {
            append(" ".repeat(indent) + "- ");
            int startLine = line;
            int startCol = column();
            if (inline(item.value(), depth + 1, indent + 2)) {
                flow(item.value());
                append("\n");
            } else if (item.value() instanceof Draft.Mapping child) {
                block(child, indent + 2, depth + 1, true);
            } else {
                append("\n");
                list((Draft.Seq) item.value(), indent + 2, depth + 1);
            }
            record(startLine, startCol, item, () -> s.items.remove(item));
        }
    }

    /** Sections and the workloads stay in block style; below them what fits on a line goes inline. */
    private static boolean inline(Draft.Value v, int depth, int indent) {
        if (v instanceof Draft.Scalar) {
            return true;
        }
        boolean empty = v instanceof Draft.Mapping m ? m.isEmpty() : ((Draft.Seq) v).isEmpty();
        return empty || (depth >= 3 && indent + flowWidth(v) <= INLINE_WIDTH);
    }

    private static int flowWidth(Draft.Value v) {
        ScenarioText t = new ScenarioText();
        t.flow(v);
        return t.out.length();
    }

    private void flow(Draft.Value v) {
        if (v instanceof Draft.Scalar s) {
            append(scalar(s.value()));
        } else if (v instanceof Draft.Mapping m) {
            append("{");
            boolean first = true;
            for (Map.Entry<String, Draft.Entry> e : List.copyOf(m.entries.entrySet())) {
                append(first ? "" : ", ");
                first = false;
                int startLine = line;
                int startCol = column();
                append(key(e.getKey()) + ": ");
                flow(e.getValue().value());
                record(startLine, startCol, e.getValue(), () -> m.entries.remove(e.getKey()));
            }
            append("}");
        } else {
            Draft.Seq s = (Draft.Seq) v;
            append("[");
            boolean first = true;
            for (Draft.Entry item : List.copyOf(s.items)) {
                append(first ? "" : ", ");
                first = false;
                int startLine = line;
                int startCol = column();
                flow(item.value());
                record(startLine, startCol, item, () -> s.items.remove(item));
            }
            append("]");
        }
    }

    private void record(int startLine, int startCol, Draft.Entry entry, Runnable remove) {
        // A block entry ends with its line break: its stretch runs to the end of its last line.
        boolean endsLine = out.length() > 0 && out.charAt(out.length() - 1) == '\n';
        int endLine = endsLine ? line - 1 : line;
        int endCol = endsLine ? Integer.MAX_VALUE : column();
        spans.add(new Span(startLine, startCol, endLine, endCol, entry, remove));
    }

    private int column() {
        return out.length() - lineStart + 1;
    }

    private void append(String s) {
        for (int i = 0; i < s.length(); i++) {
            out.append(s.charAt(i));
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = out.length();
            }
        }
    }

    private static String key(String k) {
        return plain(k) ? k : quote(k);
    }

    static String scalar(Object value) {
        if (value instanceof String s) {
            return plain(s) ? s : quote(s);
        }
        return String.valueOf(value);
    }

    private static boolean plain(String s) {
        return PLAIN.matcher(s).matches() && !WORDS_YAML_READS.contains(s.toLowerCase(Locale.ROOT))
                && RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
