package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * One node selector expression. As a {@code matchExpressions} entry it reads a node label; as a
 * {@code matchFields} entry its key must be {@value #NAME_FIELD} and it reads the node's name. Gt and
 * Lt compare integers: the single value and the label must both parse, or the node does not match.
 */
public record NodeSelectorRequirement(String key, Operator operator, List<String> values) {

    /** The only field a {@code matchFields} requirement may name. */
    public static final String NAME_FIELD = "metadata.name";

    public enum Operator {
        IN,
        NOT_IN,
        EXISTS,
        DOES_NOT_EXIST,
        GT,
        LT
    }

    public NodeSelectorRequirement {
        values = List.copyOf(values);
    }

    public static NodeSelectorRequirement in(String key, String... values) {
        return new NodeSelectorRequirement(key, Operator.IN, List.of(values));
    }

    public static NodeSelectorRequirement notIn(String key, String... values) {
        return new NodeSelectorRequirement(key, Operator.NOT_IN, List.of(values));
    }

    public static NodeSelectorRequirement exists(String key) {
        return new NodeSelectorRequirement(key, Operator.EXISTS, List.of());
    }

    public static NodeSelectorRequirement doesNotExist(String key) {
        return new NodeSelectorRequirement(key, Operator.DOES_NOT_EXIST, List.of());
    }

    /** Whether {@code value} (null when the node has no such label) satisfies the requirement. */
    boolean matchesValue(String value) {
        return switch (operator) {
            case IN -> value != null && values.contains(value);
            case NOT_IN -> value == null || !values.contains(value);
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
            case GT, LT -> compare(value);
        };
    }

    boolean matchesLabels(Map<String, String> labels) {
        return matchesValue(labels.get(key));
    }

    private boolean compare(String value) {
        if (value == null || values.size() != 1) {
            return false;
        }
        try {
            long have = Long.parseLong(value);
            long bound = Long.parseLong(values.get(0));
            return operator == Operator.GT ? have > bound : have < bound;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
