package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One metric line of the comparison, shared by the table and the JSON: its label, its JSON key,
 * how its values print, and how to read it from a fault's window or from a whole run.
 */
record Row<T>(String label, String key, Kind kind, Function<T, OptionalDouble> value) {

    enum Kind {
        /** Nanoseconds of virtual time, printed to the millisecond; no value means not back to desired. */
        DURATION,
        /** The same, where no value means requests still fail when the fault's window ends. */
        FAILING_FOR,
        /** The same, where no value means the statefulsets' ordinals did not all run again before the run ended. */
        ORDINALS,
        COUNT,
        /** A share from 0 to 1, printed as a percentage. */
        PERCENT
    }

    static final List<Row<RunMetrics.FaultMetrics>> FAULT = List.of(
            new Row<>("back to desired after", "recovery", Kind.DURATION, f -> of(f.recovery())),
            new Row<>("tasks short, at worst", "tasks_short", Kind.COUNT, f -> OptionalDouble.of(f.worstShortfall())),
            new Row<>("tasks moved", "tasks_moved", Kind.COUNT, f -> OptionalDouble.of(f.moved())));

    /** Only for a scenario with traffic. */
    static final Row<RunMetrics.FaultMetrics> FAILING_FOR_ROW =
            new Row<>("requests failing for", "failing_for", Kind.FAILING_FOR, f -> of(f.failingFor()));

    /** Only for a scenario with volumes. */
    static final Row<RunMetrics.FaultMetrics> DATA_LOST_ROW =
            new Row<>("data lost", "data_lost", Kind.DURATION, f -> of(f.dataLost()));

    /** Only for a scenario with statefulsets. */
    static final Row<RunMetrics.FaultMetrics> ORDINALS_ROW =
            new Row<>("every ordinal back after", "ordinals_back", Kind.ORDINALS, f -> of(f.ordinalsBack()));

    /**
     * The per-fault rows of a comparison of {@code scenario}: with traffic, how long requests kept
     * failing too; with volumes, the data lost; with statefulsets, when every ordinal ran again. A
     * scenario with none of them gets the first three rows only, as before these were measured.
     */
    static List<Row<RunMetrics.FaultMetrics>> fault(Scenario scenario) {
        List<Row<RunMetrics.FaultMetrics>> rows = new ArrayList<>(FAULT);
        if (!scenario.traffic().isEmpty()) {
            rows.add(FAILING_FOR_ROW);
        }
        if (Workloads.storage(scenario)) {
            rows.add(DATA_LOST_ROW);
        }
        if (!Workloads.of(scenario).statefulsets().isEmpty()) {
            rows.add(ORDINALS_ROW);
        }
        return List.copyOf(rows);
    }

    static final List<Row<RunMetrics>> RUN = List.of(
            new Row<>("tasks moved", "tasks_moved", Kind.COUNT, r -> OptionalDouble.of(r.tasksMoved())),
            new Row<>("tasks pending at end", "tasks_pending", Kind.COUNT, r -> OptionalDouble.of(r.pending().size())),
            new Row<>("tasks per node, max", "tasks_per_node_max", Kind.COUNT, r -> max(r.tasksPerNode())),
            new Row<>("tasks per node, min", "tasks_per_node_min", Kind.COUNT, r -> min(r.tasksPerNode())),
            new Row<>("tasks per zone, max", "tasks_per_zone_max", Kind.COUNT, r -> max(r.tasksPerZone())),
            new Row<>("tasks per zone, min", "tasks_per_zone_min", Kind.COUNT, r -> min(r.tasksPerZone())),
            new Row<>("peak cpu reserved", "peak_cpu", Kind.PERCENT, RunMetrics::peakCpu),
            new Row<>("peak memory reserved", "peak_memory", Kind.PERCENT, RunMetrics::peakMemory),
            new Row<>("requests failed", "requests_failed", Kind.COUNT, r -> of(r.requestsFailed())),
            new Row<>("expectations failed", "expectations_failed", Kind.COUNT,
                    r -> OptionalDouble.of(r.expectationsFailed())));

    Summary summary(List<T> runs) {
        return Summary.of(runs.stream().map(value).toList());
    }

    /** A value as the table prints it. */
    String text(OptionalDouble v) {
        if (v.isEmpty()) {
            return switch (kind) {
                case DURATION -> "not back";
                case FAILING_FOR -> "still failing";
                case ORDINALS -> "not within the run";
                default -> "-";
            };
        }
        double x = v.getAsDouble();
        return switch (kind) {
            case DURATION, FAILING_FOR, ORDINALS -> Durations.format(Math.round(x / Durations.MILLISECOND) * Durations.MILLISECOND);
            case COUNT -> decimal(x);
            case PERCENT -> decimal(Math.round(x * 1000) / 10.0) + "%";
        };
    }

    /** A table cell: the value, or with several different values the median and the range. */
    String text(Summary s) {
        return s.single() ? text(s.median()) : text(s.median()) + " (" + text(s.min()) + ".." + text(s.max()) + ")";
    }

    /** The plain value for JSON: a duration as text, a count or percentage as a number; empty for null. */
    Optional<Object> json(OptionalDouble v) {
        if (v.isEmpty()) {
            return Optional.empty();
        }
        double x = v.getAsDouble();
        return switch (kind) {
            case DURATION, FAILING_FOR, ORDINALS -> Optional.of(text(v));
            case COUNT -> Optional.of(x == Math.rint(x) ? (Object) (long) x : (Object) x);
            case PERCENT -> Optional.of(Math.round(x * 1000) / 10.0);
        };
    }

    private static String decimal(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(Math.round(x * 10) / 10.0);
    }

    private static OptionalDouble of(OptionalLong v) {
        return v.isPresent() ? OptionalDouble.of(v.getAsLong()) : OptionalDouble.empty();
    }

    private static OptionalDouble max(Optional<RunMetrics.MinMax> m) {
        return m.map(x -> OptionalDouble.of(x.max())).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble min(Optional<RunMetrics.MinMax> m) {
        return m.map(x -> OptionalDouble.of(x.min())).orElse(OptionalDouble.empty());
    }
}
