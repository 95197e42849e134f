package io.flotilla.scheduler.placement.kubernetes;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A pod label selector ({@code metav1.LabelSelector}): every {@code matchLabels} pair and every
 * expression must hold. An empty selector matches every pod; where the API allows the selector to be
 * absent (a spread constraint, an affinity term) the absent selector matches nothing, which callers
 * express with {@code Optional.empty()}.
 */
public record LabelSelector(SortedMap<String, String> matchLabels, List<Requirement> matchExpressions) {

    public static final LabelSelector EVERYTHING = new LabelSelector(new TreeMap<>(), List.of());

    public LabelSelector {
        matchLabels = Collections.unmodifiableSortedMap(new TreeMap<>(matchLabels));
        matchExpressions = List.copyOf(matchExpressions);
    }

    /** A selector of one {@code key=value} pair. */
    public static LabelSelector of(String key, String value) {
        return EVERYTHING.and(key, value);
    }

    /** A selector requiring that {@code key} exists, whatever its value. */
    public static LabelSelector exists(String key) {
        return EVERYTHING.and(new Requirement(key, Operator.EXISTS, List.of()));
    }

    public LabelSelector and(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(matchLabels);
        copy.put(key, value);
        return new LabelSelector(copy, matchExpressions);
    }

    public LabelSelector and(Requirement requirement) {
        List<Requirement> copy = new java.util.ArrayList<>(matchExpressions);
        copy.add(requirement);
        return new LabelSelector(matchLabels, copy);
    }

    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : matchExpressions) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public enum Operator {
        IN,
        NOT_IN,
        EXISTS,
        DOES_NOT_EXIST
    }

    /** One {@code matchExpressions} entry; NotIn and DoesNotExist also match pods without the key. */
    public record Requirement(String key, Operator operator, List<String> values) {

        public Requirement {
            values = List.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (operator) {
                case IN -> v != null && values.contains(v);
                case NOT_IN -> v == null || !values.contains(v);
                case EXISTS -> v != null;
                case DOES_NOT_EXIST -> v == null;
            };
        }
    }
}
