package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.placement.swarm.NodeVerdict;
import io.flotilla.sim.events.TaskExplained;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * swarmkit's scheduler counts a task's failure on a node once, when its state changes to FAILED,
 * and ranks a node last for a service version only at 5 recent failures there.
 */
class FaultyNodeRankingTest {

    @Test
    void eachFailureCountsOnceTowardsTheNodesRecentFailures() {
        Scenario scenario = new ScenarioParser().parse("crashing.yaml", """
                scenario: crashing
                seed: 1
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                images:
                  "app:1": {size: 10MB, start: 1s, crash_after: 3s}
                services:
                  api:
                    image: "app:1"
                    deploy: {replicas: 1, restart_policy: {condition: any, delay: 1s}}
                """).scenario().orElseThrow();
        Sim sim = Sim.of(ScenarioRunner.run(scenario, new RunOptions(Optional.of(Strategy.SWARM), OptionalLong.empty(), Set.of("api.1"))));

        List<Sim.At<TaskStateChanged>> failures = sim.all(TaskStateChanged.class, e -> e.state() == TaskState.FAILED);
        List<TaskExplained> placements = sim.all(TaskExplained.class, e -> true).stream().map(Sim.At::event).toList();
        for (int placed = 1; placed < placements.size(); placed++) {
            // the failures before this placement, node by node
            long before = sim.all(TaskExplained.class, e -> true).get(placed).time();
            for (TaskExplained.Verdict v : placements.get(placed).nodes()) {
                if (!v.feasible()) {
                    continue;
                }
                long failed = failures.stream().filter(f -> f.time() <= before && f.event().node().equals(v.node())).count();
                assertEquals(failed, v.scores().get(NodeVerdict.RECENT_FAILURES), v.node() + " at placement " + placed);
            }
        }
        // five failures on one node within five minutes: from then on the task goes to the other one
        String first = placements.get(0).chosen();
        assertEquals(List.of(first, first, first, first, first), placements.subList(0, 5).stream().map(TaskExplained::chosen).toList());
        assertEquals(false, placements.get(5).chosen().equals(first));
    }
}
