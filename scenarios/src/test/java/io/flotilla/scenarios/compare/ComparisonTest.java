package io.flotilla.scenarios.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final Scenario SCENARIO = Scenarios.parse("""
            scenario: small
            until: 1m
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker, count: 2}
            services:
              web: {deploy: {replicas: 4}}
            timeline:
              - {at: 30s, crash: worker-1}
            """);

    @Test
    void aRefusedStrategyKeepsItsColumnWithTheReasonAndTheOthersRunEverySeed() {
        Comparison c = Comparison.run(SCENARIO, List.of(Strategy.SWARM, Strategy.KUBERNETES), List.of(3L, 1L),
                s -> s == Strategy.KUBERNETES ? Optional.of("not in this build") : Optional.empty());

        assertEquals(List.of(new Fault(30_000_000_000L, "crash worker-1")), c.faults());
        Comparison.Column swarm = c.columns().get(0);
        assertEquals(Strategy.SWARM, swarm.strategy());
        assertTrue(swarm.runnable());
        assertEquals(List.of(3L, 1L), swarm.runs().stream().map(RunMetrics::seed).toList());
        Comparison.Column kubernetes = c.columns().get(1);
        assertEquals(Optional.of("not in this build"), kubernetes.refusal());
        assertEquals(List.of(), kubernetes.runs());
        assertTrue(c.anyRan());
    }

    @Test
    void whenEveryStrategyIsRefusedNothingRuns() {
        Comparison c = Comparison.run(SCENARIO, List.of(Strategy.KUBERNETES), List.of(1L), s -> Optional.of("no"));
        assertFalse(c.anyRan());
    }

    @Test
    void aStrategyThatIsNotRefusedRunsWhateverItIs() {
        Comparison c = Comparison.run(SCENARIO, List.of(Strategy.KUBERNETES), List.of(1L), s -> Optional.empty());
        assertEquals(1, c.columns().get(0).runs().size());
        assertEquals(1, c.columns().get(0).runs().get(0).faults().size());
    }
}
