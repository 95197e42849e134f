package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One scenario run under each strategy and each seed: a column of {@link RunMetrics} per strategy,
 * one per seed in seed order. A strategy that this build refuses to run gets a column with the
 * reason and no runs; the others are still compared.
 */
public record Comparison(Scenario scenario, List<Long> seeds, List<Fault> faults, List<Column> columns) {

    public Comparison {
        seeds = List.copyOf(seeds);
        faults = List.copyOf(faults);
        columns = List.copyOf(columns);
    }

    /** One strategy: its runs, or why it cannot run. */
    public record Column(Strategy strategy, Optional<String> refusal, List<RunMetrics> runs) {
        public Column {
            runs = List.copyOf(runs);
        }

        public boolean runnable() {
            return refusal.isEmpty();
        }
    }

    /**
     * Runs {@code scenario} once per strategy and seed. {@code refusal} says why a strategy cannot
     * run in this build (empty when it can).
     */
    public static Comparison run(
            Scenario scenario, List<Strategy> strategies, List<Long> seeds, Function<Strategy, Optional<String>> refusal) {
        return run(scenario, strategies, seeds, refusal, run -> {});
    }

    /** The same, handing each run to {@code eachRun} once it is measured (a report keeps some). */
    public static Comparison run(Scenario scenario, List<Strategy> strategies, List<Long> seeds,
            Function<Strategy, Optional<String>> refusal, Consumer<RunResult> eachRun) {
        return run(scenario, strategies, seeds, refusal, eachRun, 1);
    }

    /**
     * The same on up to {@code threads} threads, one simulation per thread at a time. Runs are
     * measured where they ran, then handed to {@code eachRun} and gathered in strategy and seed
     * order, so the comparison is the same whatever the thread count.
     */
    public static Comparison run(Scenario scenario, List<Strategy> strategies, List<Long> seeds,
            Function<Strategy, Optional<String>> refusal, Consumer<RunResult> eachRun, int threads) {
        List<Optional<String>> refusals = new ArrayList<>();
        List<List<RunMetrics>> runs = new ArrayList<>();
        List<Supplier<Measured>> jobs = new ArrayList<>();
        for (Strategy strategy : strategies) {
            Optional<String> refused = refusal.apply(strategy);
            refusals.add(refused);
            runs.add(new ArrayList<>());
            int column = runs.size() - 1;
            if (refused.isEmpty()) {
                for (long seed : seeds) {
                    RunOptions options = new RunOptions(Optional.of(strategy), OptionalLong.of(seed), Set.of());
                    jobs.add(() -> {
                        RunResult run = ScenarioRunner.run(scenario, options);
                        return new Measured(column, run, Metrics.of(run));
                    });
                }
            }
        }
        InOrder.run(jobs, threads, measured -> {
            runs.get(measured.column()).add(measured.metrics());
            eachRun.accept(measured.run());
        });
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            columns.add(new Column(strategies.get(i), refusals.get(i), runs.get(i)));
        }
        return new Comparison(scenario, seeds, Fault.of(scenario), columns);
    }

    /** One run and its metrics, and the column it belongs to. */
    private record Measured(int column, RunResult run, RunMetrics metrics) {}

    /** True when at least one strategy ran. */
    public boolean anyRan() {
        return columns.stream().anyMatch(Column::runnable);
    }
}
