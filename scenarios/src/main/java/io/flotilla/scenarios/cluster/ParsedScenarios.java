package io.flotilla.scenarios.cluster;

import io.flotilla.scenarios.model.Scenario;

/**
 * The scenario a worker last parsed: every run of a sweep carries the same text, so a worker parses
 * it once per sweep, not once per run. Driver threads share it.
 */
final class ParsedScenarios {

    private ScenarioSource source;
    private Scenario scenario;

    synchronized Scenario of(ScenarioSource wanted) {
        if (!wanted.equals(source)) {
            scenario = wanted.parse();
            source = wanted;
        }
        return scenario;
    }
}
