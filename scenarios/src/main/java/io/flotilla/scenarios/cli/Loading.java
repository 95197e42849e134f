package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Severity;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.MemoryEstimate;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.Problem;
import io.flotilla.scenarios.parse.ScenarioParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads a scenario for a command, printing every problem, then every warning, as
 * FILE:LINE:COLUMN: message; a scenario its strategy cannot run is a problem too, and so is a run
 * that would need more heap than this JVM may use ({@link MemoryEstimate}).
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
        return check(file, err, strategy, lint).scenario();
    }

    /**
     * A scenario and the very text it was parsed from, which {@code compare --cluster} sends to other
     * JVMs; a file that cannot be read as text is reported as {@link #load(Path, PrintWriter)} does.
     */
    static Optional<Loaded> loadWithText(Path file, PrintWriter err) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            load(file, err);
            return Optional.empty();
        }
        return check(file, new ScenarioParser().parse(file, text), err, Optional.empty(), false).scenario()
                .map(scenario -> new Loaded(scenario, text));
    }

    /** A scenario and its text. */
    record Loaded(Scenario scenario, String text) {}

    /** A file as {@code validate} checks it: the scenario if it can run, and the worst vulnerability its images have. */
    record Checked(Optional<Scenario> scenario, Optional<Severity> worstVulnerability) {}

    /** Loads as {@link #load(Path, PrintWriter, Optional, boolean)} does, keeping what the image scan found. */
    static Checked check(Path file, PrintWriter err, Optional<Strategy> strategy, boolean lint) {
        return check(file, new ScenarioParser().parse(file), err, strategy, lint);
    }

    private static Checked check(Path file, ParseOutcome outcome, PrintWriter err, Optional<Strategy> strategy, boolean lint) {
        outcome.problems().forEach(p -> err.println(p));
        outcome.warnings().forEach(w -> err.println(w));
        if (lint) {
            outcome.lint().forEach(w -> err.println(w));
        }
        Optional<Scenario> scenario = outcome.problems().isEmpty() ? outcome.scenario() : Optional.empty();
        Optional<String> unrunnable = scenario.flatMap(s -> s.unrunnableUnder(strategy.orElse(s.strategy()))
                .or(() -> MemoryEstimate.of(s).refusal(Runtime.getRuntime().maxMemory())
                        .map(why -> new Problem(file, 1, 1, why).toString())));
        unrunnable.ifPresent(err::println);
        err.flush();
        return new Checked(unrunnable.isEmpty() ? scenario : Optional.empty(), outcome.worstVulnerability());
    }
}
