package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One independent run of a sweep: the scenario under one strategy with one seed. It is the unit a
 * sweep hands out, to a thread of this JVM or to another JVM ({@code compare --cluster}); either way
 * the run is simulated and measured where it runs, on the thread that runs it.
 *
 * @param column the strategy's place among the compared strategies
 */
public record SweepRun(int column, Strategy strategy, long seed) {

    /** Simulates the run on the calling thread, which becomes its driver. */
    public RunResult simulate(Scenario scenario) {
        return ScenarioRunner.run(scenario, new RunOptions(Optional.of(strategy), OptionalLong.of(seed), Set.of()));
    }

    /** Simulates the run and measures it. */
    public RunMetrics measure(Scenario scenario) {
        return Metrics.of(simulate(scenario));
    }
}
