package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads a scenario for a command, printing every problem, then every warning, as
 * FILE:LINE:COLUMN: message; a scenario its strategy cannot run is a problem too.
 */
final class Loading {

    private Loading() {}

    static Optional<Scenario> load(Path file, PrintWriter err) {
        return load(file, err, Optional.empty());
    }

    /** Checked under {@code strategy} (a command-line override), or else the scenario's own. */
    static Optional<Scenario> load(Path file, PrintWriter err, Optional<Strategy> strategy) {
        return load(file, err, strategy, false);
    }

    /** The same, printing also the practices the services do not follow ({@code validate --lint}) when {@code lint}. */
    static Optional<Scenario> load(Path file, PrintWriter err, Optional<Strategy> strategy, boolean lint) {
        ParseOutcome outcome = new ScenarioParser().parse(file);
        outcome.problems().forEach(p -> err.println(p));
        outcome.warnings().forEach(w -> err.println(w));
        if (lint) {
            outcome.lint().forEach(w -> err.println(w));
        }
        Optional<Scenario> scenario = outcome.problems().isEmpty() ? outcome.scenario() : Optional.empty();
        Optional<String> unrunnable = scenario.flatMap(s -> s.unrunnableUnder(strategy.orElse(s.strategy())));
        unrunnable.ifPresent(err::println);
        err.flush();
        return unrunnable.isEmpty() ? scenario : Optional.empty();
    }
}
