package io.flotilla.scenarios.api;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.Problem;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import io.flotilla.scheduler.time.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Scenario files as JUnit dynamic tests: a test per expectation, named after its line, check and
 * time ({@code line 60 placement at 4m}); a container per file of a folder, and per sub-folder. The
 * scenario runs once, when the first of its tests runs; each test then reads its own expectation's
 * result. A failure says what the expectation asked (as the file writes it), what was found, and the
 * command that shows why.
 *
 * <p>This is the one class of the module that needs JUnit Jupiter, which a test project brings
 * itself; {@link Flotilla#dynamicTests} only calls it, so nothing else loads JUnit's classes.
 */
final class ScenarioTests {

    private ScenarioTests() {}

    static Stream<DynamicNode> of(Path path) {
        if (Files.isDirectory(path)) {
            return folder(path);
        }
        return file(path);
    }

    /** A container per scenario file (.yaml, .yml) and per sub-folder that holds any, in name order. */
    private static Stream<DynamicNode> folder(Path folder) {
        List<Path> entries;
        try (Stream<Path> listed = Files.list(folder)) {
            entries = listed.filter(p -> Files.isDirectory(p) || isScenario(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries.stream().map(p -> DynamicContainer.dynamicContainer(p.getFileName().toString(), p.toUri(), of(p)));
    }

    private static boolean isScenario(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** A test per expectation; a single failing test when the file has problems or cannot run. */
    private static Stream<DynamicNode> file(Path file) {
        ParseOutcome outcome = new ScenarioParser().parse(file);
        if (!outcome.isValid()) {
            String problems = outcome.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
            return Stream.of(DynamicTest.dynamicTest("problems in " + file.getFileName(), file.toUri(),
                    () -> Assertions.fail(file + " has problems; nothing ran:\n" + problems)));
        }
        Scenario scenario = outcome.scenario().orElseThrow();
        if (scenario.unrunnableUnder(scenario.strategy()).isPresent()) {
            String why = scenario.unrunnableUnder(scenario.strategy()).get();
            return Stream.of(DynamicTest.dynamicTest("cannot run " + file.getFileName(), file.toUri(),
                    () -> Assertions.fail(file + " cannot run under its strategy:\n" + why)));
        }
        OnceRun run = new OnceRun(scenario);
        if (scenario.expectations().isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("runs (no expectations)", file.toUri(), run::results));
        }
        return IntStream.range(0, scenario.expectations().size()).mapToObj(i -> {
            Expectation e = scenario.expectations().get(i);
            return DynamicTest.dynamicTest(name(e, scenario.until()), at(file, e), () -> {
                ExpectationResult result = run.results().get(i);
                if (!result.passed()) {
                    Assertions.fail(FailureMessage.of(file, scenario, e, result, run.result()));
                }
            });
        });
    }

    /** {@code line 60 placement at 4m}, or {@code line 61 running at 5m (the end)} for one without {@code at}. */
    static String name(Expectation e, long until) {
        return "line " + e.pos().line() + " " + e.check().keyword() + " at " + Durations.format(e.effectiveAt(until))
                + (e.at().isEmpty() ? " (the end)" : "");
    }

    /** The file and the expectation's line and column, which IDEs open. */
    private static URI at(Path file, Expectation e) {
        return URI.create(file.toUri() + "?line=" + e.pos().line() + "&column=" + e.pos().column());
    }

    /** The scenario's one run and its expectations' results, made by the first test that asks. */
    private static final class OnceRun {
        private final Scenario scenario;
        private RunResult result;
        private List<ExpectationResult> results;
        /** A run that failed fails every test of the file, and is not tried again for each. */
        private RuntimeException failure;

        OnceRun(Scenario scenario) {
            this.scenario = scenario;
        }

        synchronized List<ExpectationResult> results() {
            if (failure != null) {
                throw failure;
            }
            if (results == null) {
                try {
                    result = ScenarioRunner.run(scenario, RunOptions.DEFAULT);
                    results = Expectations.evaluate(result);
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return results;
        }

        synchronized RunResult result() {
            results();
            return result;
        }
    }
}
