package io.flotilla.scenarios.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario an import writes, as an ordered tree of mappings, lists and scalars. Each entry may
 * remember the source it came from, so that what the scenario parser refuses in the result can be
 * dropped and reported at its source.
 */
final class Draft {

    private Draft() {}

    /** A mapping, a list or a scalar. */
    sealed interface Value permits Mapping, Seq, Scalar {}

    /** A value and where it came from (empty for what the import made up, such as the default nodes). */
    record Entry(Value value, Optional<Origin> origin) {}

    /** Keys in insertion order. */
    static final class Mapping implements Value {
        final Map<String, Entry> entries = new LinkedHashMap<>();

        Mapping put(String key, Value value) {
            entries.put(key, new Entry(value, Optional.empty()));
            return this;
        }

        Mapping put(String key, Value value, Origin from) {
            entries.put(key, new Entry(value, Optional.of(from)));
            return this;
        }

        Mapping put(String key, Object scalar) {
            return put(key, new Scalar(scalar));
        }

        Mapping put(String key, Object scalar, Origin from) {
            return put(key, new Scalar(scalar), from);
        }

        /** The mapping under {@code key}, made empty if it is not there yet. */
        Mapping mapping(String key) {
            Entry e = entries.get(key);
            if (e != null && e.value() instanceof Mapping m) {
                return m;
            }
            Mapping m = new Mapping();
            put(key, m);
            return m;
        }

        /** The list under {@code key}, made empty if it is not there yet. */
        Seq seq(String key) {
            Entry e = entries.get(key);
            if (e != null && e.value() instanceof Seq s) {
                return s;
            }
            Seq s = new Seq();
            put(key, s);
            return s;
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }
    }

    static final class Seq implements Value {
        final List<Entry> items = new ArrayList<>();

        Seq add(Value value) {
            items.add(new Entry(value, Optional.empty()));
            return this;
        }

        Seq add(Value value, Origin from) {
            items.add(new Entry(value, Optional.of(from)));
            return this;
        }

        Seq add(Object scalar, Origin from) {
            return add(new Scalar(scalar), from);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }

    /** Text, a whole number ({@code Long}), a decimal ({@code Double}) or a boolean. */
    record Scalar(Object value) implements Value {}
}
