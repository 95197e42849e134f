package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped example runs and holds its expectations, and runs to the same bytes twice under each
 * strategy it can run under.
 */
class ExamplesTest {

    static Stream<Path> examples() throws IOException {
        Path dir = Path.of("examples");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Scenario load(Path file) {
        ParseOutcome outcome = new ScenarioParser().parse(file);
        assertEquals(List.of(), outcome.problems(), "problems in " + file);
        return outcome.scenario().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExpectationHolds(Path file) {
        RunResult run = ScenarioRunner.run(load(file), RunOptions.DEFAULT);
        List<ExpectationResult> results = Expectations.evaluate(run);
        assertTrue(!results.isEmpty(), file + " has no expectations");
        String failed = results.stream().filter(r -> !r.passed())
                .map(r -> "line " + r.line() + " " + r.check() + ": " + r.detail())
                .collect(Collectors.joining("\n"));
        assertEquals("", failed, file.toString());
    }

    /** Every example under every strategy it can run under (its expectations may not hold there). */
    static Stream<Arguments> examplesAndStrategies() throws IOException {
        return examples().flatMap(file -> Arrays.stream(Strategy.values())
                .filter(s -> load(file).unrunnableUnder(s).isEmpty())
                .map(s -> Arguments.of(file, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examplesAndStrategies")
    void sameScenarioAndSeedGiveTheSameEventLog(Path file, Strategy strategy) {
        Scenario scenario = load(file);
        RunOptions options = new RunOptions(Optional.of(strategy), OptionalLong.empty(), Set.of());
        String first = ScenarioRunner.run(scenario, options).log().toJsonLines();
        String second = ScenarioRunner.run(scenario, options).log().toJsonLines();
        assertTrue(first.length() > 0);
        assertEquals(first, second, "event logs differ for " + file + " under " + strategy);
    }
}
