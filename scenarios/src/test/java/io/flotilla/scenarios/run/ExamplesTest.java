package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.api.Flotilla;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped example runs and holds its expectations (each a test of its own, through
 * {@link Flotilla#dynamicTests}), and runs to the same bytes twice under each strategy it can run under.
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

    /** A container per example, a test per expectation, as a project of its own would write it. */
    @TestFactory
    Stream<DynamicNode> everyExpectationHolds() {
        return Flotilla.dynamicTests(Path.of("examples"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleExpectsSomething(Path file) {
        assertFalse(load(file).expectations().isEmpty(), file + " has no expectations");
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
