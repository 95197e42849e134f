package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One placement constraint such as {@code node.labels.zone == a}, parsed and matched as swarmkit's
 * {@code manager/constraint} does: operators {@code ==} and {@code !=} only ({@code ==} is looked for
 * first, the text is split at its first occurrence and both sides are trimmed); values compare
 * literally and case-insensitively; a missing label or platform field is {@code ""}; an unknown key
 * never matches, not even with {@code !=}. {@code node.ip} never matches: nodes have no address here.
 */
public final class Constraint {

    /** The comparison a constraint makes. */
    public enum Operator {
        EQ,
        NE
    }

    /** Constraints in their order, or the first parse error with swarmkit's exact text. */
    public record ParseResult(List<Constraint> constraints, Optional<String> error) {
        public ParseResult {
            constraints = List.copyOf(constraints);
        }

        public boolean ok() {
            return error.isEmpty();
        }
    }

    static final String NODE_LABEL_PREFIX = "node.labels.";
    static final String ENGINE_LABEL_PREFIX = "engine.labels.";

    private static final String NO_OPERATOR = "constraint expected one operator from ==, !=";

    private final String key;
    private final Operator operator;
    private final String value;

    private Constraint(String key, Operator operator, String value) {
        this.key = key;
        this.operator = operator;
        this.value = value;
    }

    /** Parses every constraint; stops at the first error, as swarmkit does. */
    public static ParseResult parse(List<String> constraints) {
        List<Constraint> parsed = new ArrayList<>(constraints.size());
        for (String text : constraints) {
            Parsed one = parseOne(text);
            if (one.error != null) {
                return new ParseResult(List.of(), Optional.of(one.error));
            }
            parsed.add(one.constraint);
        }
        return new ParseResult(parsed, Optional.empty());
    }

    /** The error swarmkit reports for this constraint, if any (for validation at load time). */
    public static Optional<String> validate(String constraint) {
        return Optional.ofNullable(parseOne(constraint).error);
    }

    /** Exactly one of the two is set. */
    private record Parsed(Constraint constraint, String error) {}

    private static Parsed parseOne(String text) {
        for (Operator op : Operator.values()) {
            String symbol = op == Operator.EQ ? "==" : "!=";
            int at = text.indexOf(symbol);
            if (at < 0) {
                continue;
            }
            String key = GoText.trimSpace(text.substring(0, at));
            if (!GoText.isConstraintKey(key)) {
                return new Parsed(null, "key '" + key + "' is invalid");
            }
            String value = GoText.trimSpace(text.substring(at + symbol.length()));
            if (!GoText.isConstraintValue(value)) {
                return new Parsed(null, "value '" + value + "' is invalid");
            }
            return new Parsed(new Constraint(key, op, value), null);
        }
        return new Parsed(null, NO_OPERATOR);
    }

    public String key() {
        return key;
    }

    public Operator operator() {
        return operator;
    }

    public String value() {
        return value;
    }

    /** True when every constraint matches the node (they are ANDed). */
    public static boolean matchAll(List<Constraint> constraints, NodeSpec node, NodeRole role) {
        for (Constraint c : constraints) {
            if (!c.matches(node, role)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this node satisfies the constraint; {@code role} is the node's observed role. */
    public boolean matches(NodeSpec node, NodeRole role) {
        Platform platform = node.platform();
        if (key.equalsIgnoreCase("node.id") || key.equalsIgnoreCase("node.hostname")) {
            return compare(node.name());
        } else if (key.equalsIgnoreCase("node.ip")) {
            return false;
        } else if (key.equalsIgnoreCase("node.role")) {
            return compare(role.name());
        } else if (key.equalsIgnoreCase("node.platform.os")) {
            return compare(platform == null || platform.os() == null ? "" : platform.os());
        } else if (key.equalsIgnoreCase("node.platform.arch")) {
            return compare(platform == null || platform.arch() == null ? "" : platform.arch());
        } else if (hasPrefix(key, NODE_LABEL_PREFIX)) {
            return compare(label(node.labels(), key.substring(NODE_LABEL_PREFIX.length())));
        } else if (hasPrefix(key, ENGINE_LABEL_PREFIX)) {
            return compare(label(node.engineLabels(), key.substring(ENGINE_LABEL_PREFIX.length())));
        }
        return false;
    }

    /** Swarmkit's prefix test: longer than the prefix, prefix compared case-insensitively. */
    static boolean hasPrefix(String key, String prefix) {
        return key.length() > prefix.length() && key.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String label(Map<String, String> labels, String name) {
        String v = labels.get(name); // label names are exact map keys
        return v == null ? "" : v;
    }

    private boolean compare(String actual) {
        boolean equal = value.equalsIgnoreCase(actual);
        return operator == Operator.EQ ? equal : !equal;
    }

    @Override
    public String toString() {
        return key + (operator == Operator.EQ ? " == " : " != ") + value;
    }
}
