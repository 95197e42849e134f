package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ScenarioParser;
import org.junit.jupiter.api.Test;

/** A run handed back at its end keeps its actor system up until it is closed, and logs what a closed one does. */
class FinishedRunTest {

    private static final Scenario SCENARIO = new ScenarioParser().parse("finished.yaml", """
            scenario: finished
            until: 1m
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker, count: 2}
            services:
              web: {image: nginx, deploy: {replicas: 4}}
            timeline:
              - at: 20s
                crash: worker-1
            expect:
              - {running: {web: 4}}
            """).scenario().orElseThrow();

    @Test
    void itsActorSystemStopsWhenItIsClosed() {
        ScenarioRunner.FinishedRun finished = ScenarioRunner.runToEnd(SCENARIO, RunOptions.DEFAULT, RunProgress.NONE);
        try (finished) {
            assertFalse(finished.simulation().system().whenTerminated().isCompleted());
            assertEquals(ScenarioRunner.run(SCENARIO, RunOptions.DEFAULT).log().toJsonLines(),
                    finished.result().log().toJsonLines());
        }
        assertTrue(finished.simulation().system().whenTerminated().isCompleted());
    }
}
