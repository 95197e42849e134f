package io.flotilla.scheduler.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * CPU (in nano-CPUs, as swarmkit counts them), memory in bytes and named generic resources
 * (for example {@code gpu: 2}). Used both for what a node offers and for what a task reserves.
 */
public record Resources(long nanoCpus, long memoryBytes, SortedMap<String, Long> generic) {

    public static final long NANOS_PER_CPU = 1_000_000_000L;
    public static final Resources NONE = new Resources(0, 0, new TreeMap<>());

    public Resources {
        generic = Collections.unmodifiableSortedMap(new TreeMap<>(generic));
    }

    public static Resources of(double cpus, long memoryBytes) {
        return new Resources(Math.round(cpus * NANOS_PER_CPU), memoryBytes, new TreeMap<>());
    }

    public Resources withGeneric(String kind, long amount) {
        TreeMap<String, Long> copy = new TreeMap<>(generic);
        copy.put(kind, amount);
        return new Resources(nanoCpus, memoryBytes, copy);
    }

    public boolean isZero() {
        return nanoCpus == 0 && memoryBytes == 0 && generic.values().stream().allMatch(v -> v == 0);
    }

    /** True when every amount here is at most the same amount in {@code available}. */
    public boolean fitsIn(Resources available) {
        if (nanoCpus > available.nanoCpus || memoryBytes > available.memoryBytes) {
            return false;
        }
        for (Map.Entry<String, Long> e : generic.entrySet()) {
            if (e.getValue() > available.generic.getOrDefault(e.getKey(), 0L)) {
                return false;
            }
        }
        return true;
    }

    public Resources plus(Resources other) {
        return combine(other, 1);
    }

    public Resources minus(Resources other) {
        return combine(other, -1);
    }

    private Resources combine(Resources other, int sign) {
        TreeMap<String, Long> sum = new TreeMap<>(generic);
        other.generic.forEach((k, v) -> sum.merge(k, sign * v, Long::sum));
        return new Resources(
                nanoCpus + sign * other.nanoCpus, memoryBytes + sign * other.memoryBytes, sum);
    }
}
