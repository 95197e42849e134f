package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads a scenario for a command, printing every problem as FILE:LINE:COLUMN: message. */
final class Loading {

    private Loading() {}

    static Optional<Scenario> load(Path file, PrintWriter err) {
        ParseOutcome outcome = new ScenarioParser().parse(file);
        outcome.problems().forEach(p -> err.println(p));
        err.flush();
        return outcome.problems().isEmpty() ? outcome.scenario() : Optional.empty();
    }
}
