package io.flotilla.scheduler.placement.kubernetes;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * Counts per topology value (for example pods matching a selector per zone). An entry may hold 0:
 * a domain with no matching pod still exists when some node carries the value.
 */
final class Tally {

    private final HashMap<String, int[]> counts = new HashMap<>();
    private long total;

    int get(String value) {
        int[] c = counts.get(value);
        return c == null ? 0 : c[0];
    }

    boolean contains(String value) {
        return counts.containsKey(value);
    }

    void add(String value, int delta) {
        counts.computeIfAbsent(value, v -> new int[1])[0] += delta;
        total += delta;
    }

    void ensure(String value) {
        counts.computeIfAbsent(value, v -> new int[1]);
    }

    void remove(String value) {
        int[] c = counts.remove(value);
        if (c != null) {
            total -= c[0];
        }
    }

    /** Number of domains (values), zero-count ones included. */
    int size() {
        return counts.size();
    }

    long total() {
        return total;
    }

    /** The smallest count, or {@link Integer#MAX_VALUE} when there is no domain. */
    int min() {
        int min = Integer.MAX_VALUE;
        for (int[] c : counts.values()) {
            if (c[0] < min) {
                min = c[0];
            }
        }
        return min;
    }

    void forEach(ObjIntConsumer<String> action) {
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            action.accept(e.getKey(), e.getValue()[0]);
        }
    }

    Tally copy() {
        Tally t = new Tally();
        counts.forEach((k, v) -> t.counts.put(k, new int[] {v[0]}));
        t.total = total;
        return t;
    }
}
