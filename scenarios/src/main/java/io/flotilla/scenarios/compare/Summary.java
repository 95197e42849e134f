package io.flotilla.scenarios.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One metric of one strategy over its seeds: the median (the mean of the two middle values for an
 * even count) and the range. A run without a value (a fault it did not recover from) ranks above
 * every value, so the median or maximum of runs that did not all recover may itself be empty.
 */
public record Summary(OptionalDouble median, OptionalDouble min, OptionalDouble max) {

    private static final Comparator<OptionalDouble> MISSING_LAST = Comparator
            .comparing((OptionalDouble v) -> v.isEmpty())
            .thenComparingDouble(v -> v.orElse(0));

    public static Summary of(List<OptionalDouble> values) {
        if (values.isEmpty()) {
            return new Summary(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        }
        List<OptionalDouble> sorted = new ArrayList<>(values);
        sorted.sort(MISSING_LAST);
        int n = sorted.size();
        OptionalDouble median = sorted.get(n / 2);
        if (n % 2 == 0) {
            OptionalDouble below = sorted.get(n / 2 - 1);
            median = below.isPresent() && median.isPresent()
                    ? OptionalDouble.of((below.getAsDouble() + median.getAsDouble()) / 2)
                    : OptionalDouble.empty();
        }
        return new Summary(median, sorted.get(0), sorted.get(n - 1));
    }

    /** True when every run gave the same value (or none did). */
    public boolean single() {
        return min.equals(max);
    }
}
