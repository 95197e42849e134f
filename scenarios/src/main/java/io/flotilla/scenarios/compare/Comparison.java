package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        List<Optional<String>> refusals = refusals(strategies, refusal);
        List<SweepRun> plan = plan(strategies, seeds, refusals);
        List<Supplier<Measured>> jobs = new ArrayList<>();
        for (SweepRun run : plan) {
            jobs.add(() -> {
                RunResult result = run.simulate(scenario);
                return new Measured(result, Metrics.of(result));
            });
        }
        List<RunMetrics> measured = new ArrayList<>();
        InOrder.run(jobs, threads, m -> {
            measured.add(m.metrics());
            eachRun.accept(m.run());
        });
        return merge(scenario, strategies, seeds, refusals, plan, measured);
    }

    /**
     * The same with the runs measured elsewhere: {@code runAll} gets every run of the sweep in
     * strategy and seed order and answers their metrics in that order (another JVM may have
     * measured each; {@code compare --cluster}). The comparison is the same as a local sweep's.
     */
    public static Comparison runOn(Scenario scenario, List<Strategy> strategies, List<Long> seeds,
            Function<Strategy, Optional<String>> refusal, Function<List<SweepRun>, List<RunMetrics>> runAll) {
        List<Optional<String>> refusals = refusals(strategies, refusal);
        List<SweepRun> plan = plan(strategies, seeds, refusals);
        List<RunMetrics> measured = plan.isEmpty() ? List.of() : runAll.apply(plan);
        if (measured.size() != plan.size()) {
            throw new IllegalStateException(plan.size() + " runs planned, " + measured.size() + " measured");
        }
        return merge(scenario, strategies, seeds, refusals, plan, measured);
    }

    private static List<Optional<String>> refusals(List<Strategy> strategies, Function<Strategy, Optional<String>> refusal) {
        List<Optional<String>> refusals = new ArrayList<>();
        strategies.forEach(strategy -> refusals.add(refusal.apply(strategy)));
        return refusals;
    }

    /** Every run of the sweep, strategy by strategy and seed by seed; a refused strategy has none. */
    private static List<SweepRun> plan(List<Strategy> strategies, List<Long> seeds, List<Optional<String>> refusals) {
        List<SweepRun> plan = new ArrayList<>();
        for (int column = 0; column < strategies.size(); column++) {
            if (refusals.get(column).isEmpty()) {
                for (long seed : seeds) {
                    plan.add(new SweepRun(column, strategies.get(column), seed));
                }
            }
        }
        return plan;
    }

    /** The runs' metrics ({@code measured}, in plan order) gathered into one column per strategy. */
    private static Comparison merge(Scenario scenario, List<Strategy> strategies, List<Long> seeds,
            List<Optional<String>> refusals, List<SweepRun> plan, List<RunMetrics> measured) {
        List<List<RunMetrics>> runs = new ArrayList<>();
        strategies.forEach(strategy -> runs.add(new ArrayList<>()));
        for (int i = 0; i < plan.size(); i++) {
            runs.get(plan.get(i).column()).add(measured.get(i));
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            columns.add(new Column(strategies.get(i), refusals.get(i), runs.get(i)));
        }
        return new Comparison(scenario, seeds, Fault.of(scenario), columns);
    }

    /** One run and its metrics. */
    private record Measured(RunResult run, RunMetrics metrics) {}

    /** True when at least one strategy ran. */
    public boolean anyRan() {
        return columns.stream().anyMatch(Column::runnable);
    }
}
