package io.flotilla.scenarios.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import io.flotilla.scheduler.time.Durations;
import java.nio.file.Path;
import java.util.List;

/** Test scenarios from text or from the shipped examples, and virtual times written as in a file. */
final class Scenarios {

    private Scenarios() {}

    static Scenario parse(String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse("test.yaml", yaml);
        assertEquals(List.of(), outcome.problems(), "the test's scenario must be valid");
        return outcome.scenario().orElseThrow();
    }

    static Scenario example(String name) {
        ParseOutcome outcome = new ScenarioParser().parse(Path.of("examples", name + ".yaml"));
        assertEquals(List.of(), outcome.problems());
        return outcome.scenario().orElseThrow();
    }

    static RunResult run(Scenario scenario) {
        return ScenarioRunner.run(scenario, RunOptions.DEFAULT);
    }

    static long t(String text) {
        return Durations.parse(text).orElseThrow();
    }
}
