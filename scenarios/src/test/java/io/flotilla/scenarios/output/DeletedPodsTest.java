package io.flotilla.scenarios.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pod deleted by a scale-down is gone once its kubelet confirmed it stopped: the end-of-run
 * summary does not count it as not running, and {@code run --json} does not list it, as a Swarm
 * slot removed by a scale-down is left out.
 */
class DeletedPodsTest {

    static final String SCALE_DOWN = """
            scenario: scale-down
            strategy: kubernetes
            until: 1m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            services:
              web: {image: nginx:1.27, deploy: {replicas: 3}}
            timeline:
              - {at: 30s, scale: {web: 1}}
            """;

    static RunResult run;

    @BeforeAll
    static void run() {
        ParseOutcome outcome = new ScenarioParser().parse("scale-down.yaml", SCALE_DOWN);
        assertEquals(List.of(), outcome.problems());
        run = ScenarioRunner.run(outcome.scenario().orElseThrow(), RunOptions.DEFAULT);
    }

    @Test
    void theSummaryCountsNoDeletedPod() {
        assertEquals(List.of("web                  1 running, 0 not running, 0 terminating"),
                HumanReportTest.lines(run, " running, "));
    }

    @Test
    void theJsonListsOnlyTheRemainingPod() {
        JsonNode tasks = JsonResult.of(run, List.of()).get("tasks");
        assertEquals(List.of("web.1 running"), StreamSupport.stream(tasks.spliterator(), false)
                .map(t -> t.get("name").asText() + " " + t.get("believed").asText()).toList());
    }
}
