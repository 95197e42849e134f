package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.chaos.invariants.Invariants;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.OptionalLong;
import java.util.Set;

/** One scenario run under one strategy with its own seed, and the first invariant its log breaks. */
public record CheckedRun(Optional<Violation> violation, String digest, int events) {

    public static CheckedRun of(Scenario scenario, Strategy strategy) {
        return of(scenario, strategy, Invariants::all);
    }

    /** The same, checking {@code invariants} (made fresh for the run) instead of every invariant. */
    public static CheckedRun of(Scenario scenario, Strategy strategy, Function<ChaosContext, List<Invariant>> invariants) {
        RunResult run = ScenarioRunner.run(scenario,
                new RunOptions(Optional.of(strategy), OptionalLong.of(scenario.seed()), Set.of()));
        ChaosContext context = ChaosContext.of(scenario, strategy);
        Optional<Violation> violation = InvariantChecker.check(context, invariants.apply(context), run.log().events(), run.end());
        return new CheckedRun(violation, run.log().digest(), run.log().size());
    }
}
