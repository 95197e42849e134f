package io.flotilla.scenarios.api;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * Flotilla from Java, for tests that assert scheduling outcomes:
 *
 * <pre>{@code
 * SimulatedRun run = Flotilla.runYaml("""
 *     scenario: placement
 *     nodes: [{name: manager-1, role: manager}, {name: worker, count: 2}]
 *     services: {web: {image: nginx, deploy: {replicas: 4, placement: {constraints: ["node.role == worker"]}}}}
 *     """);
 * assertEquals(Map.of("worker-1", 2, "worker-2", 2), run.placement("web"));
 * }</pre>
 *
 * A scenario that does not parse throws {@link InvalidScenarioException} with every problem, as
 * {@code flotilla validate} prints them; nothing runs.
 */
public final class Flotilla {

    private Flotilla() {}

    /** Parses and runs a scenario file with its own strategy and seed. */
    public static SimulatedRun run(Path file) {
        return run(load(new ScenarioParser().parse(file)), Optional.empty(), OptionalLong.empty());
    }

    /** Parses and runs scenario text (named {@code scenario.yaml} in problems). */
    public static SimulatedRun runYaml(String yaml) {
        return run(load(new ScenarioParser().parse("scenario.yaml", yaml)), Optional.empty(), OptionalLong.empty());
    }

    /** Parses and runs scenario text under the given strategy and seed. */
    public static SimulatedRun runYaml(String yaml, Strategy strategy, long seed) {
        return run(load(new ScenarioParser().parse("scenario.yaml", yaml)), Optional.of(strategy), OptionalLong.of(seed));
    }

    /**
     * A scenario file's expectations as JUnit tests, or, for a folder, a container of them per
     * scenario file (and per sub-folder): return it from a {@code @TestFactory}.
     *
     * <pre>{@code
     * @TestFactory
     * Stream<DynamicNode> scenarios() {
     *     return Flotilla.dynamicTests(Path.of("src/test/scenarios"));
     * }
     * }</pre>
     *
     * Each test is named after its expectation ({@code line 60 placement at 4m}); a scenario runs once,
     * when its first test runs. A failure prints the expectation, what was found, and the
     * {@code ./flotilla explain ...} command that shows why. A file with problems is one failing test
     * that lists them. JUnit Jupiter (5 or 6) comes from the test project.
     */
    public static Stream<DynamicNode> dynamicTests(Path fileOrFolder) {
        return ScenarioTests.of(fileOrFolder);
    }

    private static SimulatedRun run(Scenario scenario, Optional<Strategy> strategy, OptionalLong seed) {
        scenario.unrunnableUnder(strategy.orElse(scenario.strategy())).ifPresent(why -> {
            throw new InvalidScenarioException(List.of(why.split("\n")));
        });
        return new SimulatedRun(ScenarioRunner.run(scenario, new RunOptions(strategy, seed, Set.of())));
    }

    private static Scenario load(ParseOutcome outcome) {
        if (!outcome.problems().isEmpty()) {
            throw new InvalidScenarioException(outcome.problems().stream().map(Object::toString).toList());
        }
        return outcome.scenario().orElseThrow();
    }
}
