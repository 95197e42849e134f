package io.flotilla.scenarios.cluster;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A scenario as it travels with the work: the text the coordinator checked, and the file name it was
 * read from, which names the scenario and its problems. A worker needs no file of its own.
 */
public record ScenarioSource(String file, String text) implements ClusterMessage {

    /**
     * The scenario, parsed as the coordinator parsed it.
     *
     * @throws IllegalStateException with the problems, should it not parse (the coordinator refuses
     *     such a scenario before sending it, so this means the two JVMs run different builds)
     */
    public Scenario parse() {
        ParseOutcome outcome = new ScenarioParser().parse(Path.of(file), text);
        Optional<Scenario> scenario = outcome.problems().isEmpty() ? outcome.scenario() : Optional.empty();
        return scenario.orElseThrow(() -> new IllegalStateException("the scenario does not parse here: "
                + outcome.problems().stream().map(Object::toString).collect(Collectors.joining("; "))));
    }
}
