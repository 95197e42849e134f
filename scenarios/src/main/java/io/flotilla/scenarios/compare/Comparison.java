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
        List<Column> columns = new ArrayList<>();
        for (Strategy strategy : strategies) {
            Optional<String> refused = refusal.apply(strategy);
            List<RunMetrics> runs = new ArrayList<>();
            if (refused.isEmpty()) {
                for (long seed : seeds) {
                    RunOptions options = new RunOptions(Optional.of(strategy), OptionalLong.of(seed), Set.of());
                    RunResult run = ScenarioRunner.run(scenario, options);
                    runs.add(Metrics.of(run));
                    eachRun.accept(run);
                }
            }
            columns.add(new Column(strategy, refused, runs));
        }
        return new Comparison(scenario, seeds, Fault.of(scenario), columns);
    }

    /** True when at least one strategy ran. */
    public boolean anyRan() {
        return columns.stream().anyMatch(Column::runnable);
    }
}
