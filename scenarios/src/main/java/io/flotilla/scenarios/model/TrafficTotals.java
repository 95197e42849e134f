package io.flotilla.scenarios.model;

import io.flotilla.sim.events.TrafficCounted;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The sums of a client's traffic windows: requests sent, served and failed, failures by reason
 * ({@code nxdomain}, {@code no_route}, {@code refused}, {@code timeout}, {@code reset}), and
 * requests served per task.
 */
public record TrafficTotals(
        long sent, long served, long failed, SortedMap<String, Long> failedBy, SortedMap<String, Long> servedBy) {

    /** Every window of {@code windows} that lies in [{@code from}, {@code to}). */
    public static TrafficTotals of(List<TrafficCounted> windows, long from, long to) {
        long sent = 0;
        long served = 0;
        TreeMap<String, Long> failedBy = new TreeMap<>();
        TreeMap<String, Long> servedBy = new TreeMap<>();
        for (TrafficCounted w : windows) {
            if (w.from() >= from && w.to() <= to) {
                sent += w.sent();
                served += w.served();
                w.failed().forEach((reason, n) -> failedBy.merge(reason, n, Long::sum));
                w.servedBy().forEach((task, n) -> servedBy.merge(task, n, Long::sum));
            }
        }
        long failed = failedBy.values().stream().mapToLong(Long::longValue).sum();
        return new TrafficTotals(sent, served, failed, failedBy, servedBy);
    }

    /** Every window of {@code windows}. */
    public static TrafficTotals of(List<TrafficCounted> windows) {
        return of(windows, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The count a traffic check's measure reads: {@code served_by} is the number of distinct tasks. */
    public long get(Check.Traffic.Measure m) {
        return switch (m) {
            case SENT -> sent;
            case SERVED -> served;
            case FAILED -> failed;
            case SERVED_BY -> servedBy.values().stream().filter(n -> n > 0).count();
        };
    }

    /** {@code 500 sent, 488 served, 12 failed (timeout 12), served by 3 tasks}. */
    @Override
    public String toString() {
        long tasks = get(Check.Traffic.Measure.SERVED_BY);
        return sent + " sent, " + served + " served, " + failed + " failed"
                + (failed == 0 ? "" : " (" + reasons(failedBy) + ")")
                + ", served by " + tasks + (tasks == 1 ? " task" : " tasks");
    }

    /** {@code nxdomain 3, timeout 9}: the reasons with a count, in name order. */
    public static String reasons(Map<String, Long> failedBy) {
        return failedBy.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
