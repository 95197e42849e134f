package io.flotilla.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Java API as a JUnit user would call it. */
class FlotillaTest {

    private static final String CLUSTER = """
            scenario: api
            until: 1m
            nodes:
              - {name: manager-1, role: manager, resources: {cpus: 2, memory: 4GiB}}
              - {name: worker, count: 2, resources: {cpus: 2, memory: 4GiB}}
            """;

    @Test
    void constrainedTasksLandOnTheWorkersOnly() {
        SimulatedRun run = Flotilla.runYaml(CLUSTER + """
                services:
                  web:
                    image: nginx
                    deploy:
                      replicas: 4
                      placement: {constraints: ["node.role == worker"]}
                """);
        assertEquals(4, run.running("web"));
        assertEquals(Map.of("worker-1", 2, "worker-2", 2), run.placement("web"));
        assertEquals(Optional.of("worker-1"), run.nodeOf("web.1"));
    }

    @Test
    void aTaskThatFitsNowhereIsPendingWithSwarmkitsReason() {
        SimulatedRun run = Flotilla.runYaml(CLUSTER + """
                services:
                  big:
                    image: batch
                    deploy: {replicas: 1, resources: {reservations: {cpus: "3"}}}
                """);
        assertEquals(0, run.running("big"));
        assertEquals(1, run.pending("big"));
        assertEquals(Optional.of("no suitable node (insufficient resources on 3 nodes)"), run.pendingReason("big.1"));
    }

    @Test
    void aRunCanBeReadAtAnEarlierMoment() {
        SimulatedRun run = Flotilla.runYaml(CLUSTER + """
                services:
                  web: {image: nginx, deploy: {replicas: 3}}
                timeline:
                  - {at: 20s, crash: worker-1}
                """);
        // At 21s the node is really down, but the manager has not yet missed three heartbeats.
        assertEquals("down", run.at("21s").nodeState("worker-1"));
        assertEquals(2, run.at("21s").running("web"));
        assertEquals(3, run.running("web"));
        assertTrue(run.placement("web").keySet().stream().noneMatch("worker-1"::equals));
    }

    @Test
    void aBrokenScenarioThrowsEveryProblemWithItsPosition() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Flotilla.runYaml(CLUSTER + """
                services:
                  web: {image: nginx, deploy: {replicas: 3, placment: {}}}
                """));
        assertEquals(List.of("scenario.yaml:7:45: unknown key 'placment' in deploy; did you mean 'placement'?"), e.problems());
    }

    @Test
    void aSwarmWithoutAManagerIsRefused() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> Flotilla.runYaml("scenario: no-manager\nnodes: [{name: worker, count: 2}]\n"));
        assertTrue(e.problems().get(0).startsWith("scenario.yaml:2:9: a swarm needs at least one manager"), e.problems().toString());
    }
}
