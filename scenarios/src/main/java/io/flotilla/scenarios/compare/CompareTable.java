package io.flotilla.scenarios.compare;

import io.flotilla.scheduler.time.Durations;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The human comparison: strategies as columns, metrics as rows, one block per fault and one for
 * the whole run, in fixed-width columns; then why a strategy could not run and why tasks were
 * still pending at the end.
 */
public final class CompareTable {

    private static final String GAP = "   ";

    private CompareTable() {}

    /** A heading on its own line, or a metric with one cell per strategy. */
    private record Line(String label, List<String> cells) {}

    public static void print(Comparison c, PrintWriter out) {
        List<Long> seeds = c.seeds();
        out.println("scenario " + c.scenario().name() + "  " + (seeds.size() == 1 ? "seed " : "seeds ")
                + Seeds.describe(seeds) + "  until " + Durations.format(c.scenario().until())
                + (seeds.size() > 1 ? "  (median of " + seeds.size() + " runs, range min..max when they differ)" : ""));
        out.println();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("", c.columns().stream().map(col -> col.strategy().lowerName()).toList()));
        if (!c.columns().stream().allMatch(Comparison.Column::runnable)) {
            lines.add(new Line("runnable", c.columns().stream().map(col -> col.runnable() ? "yes" : "no (see below)").toList()));
        }
        for (int f = 0; f < c.faults().size(); f++) {
            Fault fault = c.faults().get(f);
            lines.add(new Line("at " + Durations.format(fault.at()) + ": " + fault.what(), List.of()));
            int index = f;
            for (Row<RunMetrics.FaultMetrics> row : Row.fault(c.scenario())) {
                lines.add(metric(c, row, run -> run.faults().get(index)));
            }
        }
        lines.add(new Line("whole run", List.of()));
        for (Row<RunMetrics> row : Row.RUN) {
            lines.add(metric(c, row, run -> run));
        }
        printAligned(lines, c.columns().size(), out);
        for (Comparison.Column col : c.columns()) {
            col.refusal().ifPresent(why -> out.println(col.strategy().lowerName() + " is not runnable: " + why));
        }
        printPending(c, out);
    }

    private static <T> Line metric(Comparison c, Row<T> row, Function<RunMetrics, T> part) {
        List<String> cells = new ArrayList<>();
        for (Comparison.Column col : c.columns()) {
            cells.add(col.runnable() ? row.text(row.summary(col.runs().stream().map(part).toList())) : "");
        }
        return new Line("  " + row.label(), cells);
    }

    private static void printAligned(List<Line> lines, int columns, PrintWriter out) {
        int labelWidth = lines.stream().filter(l -> !l.cells().isEmpty()).mapToInt(l -> l.label().length()).max().orElse(0);
        int[] widths = new int[columns];
        for (Line l : lines) {
            for (int i = 0; i < l.cells().size(); i++) {
                widths[i] = Math.max(widths[i], l.cells().get(i).length());
            }
        }
        for (Line l : lines) {
            StringBuilder s = new StringBuilder(l.label());
            if (!l.cells().isEmpty()) {
                pad(s, labelWidth);
                for (int i = 0; i < l.cells().size(); i++) {
                    s.append(GAP).append(l.cells().get(i));
                    pad(s, labelWidth + (i + 1) * GAP.length() + sum(widths, i + 1));
                }
            }
            out.println(s.toString().stripTrailing());
        }
        out.println();
    }

    /** Per strategy, each distinct reason once, with the tasks it held back (over every seed). */
    private static void printPending(Comparison c, PrintWriter out) {
        boolean header = false;
        for (Comparison.Column col : c.columns()) {
            Map<String, TreeSet<String>> byReason = new TreeMap<>();
            Map<String, Integer> runsWith = new TreeMap<>();
            for (RunMetrics run : col.runs()) {
                new TreeSet<>(run.pending().stream().map(RunMetrics.PendingTask::reason).toList())
                        .forEach(reason -> runsWith.merge(reason, 1, Integer::sum));
                run.pending().forEach(p -> byReason.computeIfAbsent(p.reason(), r -> new TreeSet<>()).add(p.task()));
            }
            for (Map.Entry<String, TreeSet<String>> e : byReason.entrySet()) {
                if (!header) {
                    out.println("pending at the end:");
                    header = true;
                }
                String runs = c.seeds().size() > 1 ? " (in " + runsWith.get(e.getKey()) + " of " + c.seeds().size() + " runs)" : "";
                out.println("  " + col.strategy().lowerName() + ": " + String.join(", ", e.getValue()) + runs + ": " + e.getKey());
            }
        }
    }

    private static int sum(int[] widths, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += widths[i];
        }
        return total;
    }

    private static void pad(StringBuilder s, int width) {
        while (s.length() < width) {
            s.append(' ');
        }
    }
}
