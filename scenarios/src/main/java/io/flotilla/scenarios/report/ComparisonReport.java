package io.flotilla.scenarios.report;

import io.flotilla.scenarios.compare.CompareTable;
import io.flotilla.scenarios.compare.Comparison;
import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.run.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The page of {@code compare --report}: given every run as {@code compare} makes it, it keeps the
 * first of each strategy (the first seed's) and draws them on one time axis, with the comparison's
 * table beneath. Keeping one run per strategy bounds the memory a many-seed comparison holds.
 */
public final class ComparisonReport implements Consumer<RunResult> {

    private final List<RunResult> runs = new ArrayList<>();

    @Override
    public void accept(RunResult run) {
        if (runs.stream().noneMatch(r -> r.strategy() == run.strategy())) {
            runs.add(run);
        }
    }

    /** Writes the page of the runs kept and of {@code comparison}'s table to {@code file}. */
    public void write(Path file, Comparison comparison) throws IOException {
        List<List<ExpectationResult>> expectations = runs.stream().map(Expectations::evaluate).toList();
        StringWriter table = new StringWriter();
        try (PrintWriter out = new PrintWriter(table)) {
            CompareTable.print(comparison, out);
        }
        HtmlReport.write(file, ReportData.ofComparison(comparison.scenario(), runs, expectations, table.toString()));
    }
}
