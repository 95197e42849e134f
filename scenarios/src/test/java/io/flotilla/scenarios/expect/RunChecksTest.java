package io.flotilla.scenarios.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spread over a label, update, image and event checks on real runs: each case is a scenario
 * and what each of its expectations found, a passing and a failing one for every check.
 */
class RunChecksTest {

    record Case(String name, String yaml, List<String> results) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Six workers, two per zone; worker-1 alone is in rack r1. The drained manager is in zone a: a
     * node without the label would be a group of its own in swarmkit's spread, one that takes no task.
     */
    static final String ZONES = """
            scenario: checks
            until: 1m
            nodes:
              - {name: manager-1, role: manager, availability: drain, labels: {zone: a}}
              - {name: worker-1, labels: {zone: a, rack: r1}}
              - {name: worker-2, labels: {zone: a}}
              - {name: worker-3, labels: {zone: b}}
              - {name: worker-4, labels: {zone: b}}
              - {name: worker-5, labels: {zone: c}}
              - {name: worker-6, labels: {zone: c}}
            """;

    /** web's update to app:2 pauses (its tasks crash), api's completes, pay's is rolled back. */
    static final String UPDATES = """
            scenario: checks
            until: 3m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3}
            images:
              "app:2": {crash_after: 3s}
              "pay:2": {crash_after: 3s}
            services:
              web: {image: "app:1", deploy: {replicas: 3, update_config: {monitor: 10s}}}
              api: {image: api, deploy: {replicas: 3, update_config: {order: start-first}}}
              pay:
                image: "pay:1"
                deploy:
                  replicas: 3
                  update_config: {monitor: 10s, failure_action: rollback}
            timeline:
              - {at: 30s, update: {service: web, image: "app:2"}}
              - {at: 30s, update: {service: api, image: "api:2"}}
              - {at: 30s, update: {service: pay, image: "pay:2"}}
            expect:
            """;

    /** worker-1 crashes at 30s: its tasks fail then, and the manager marks it down about 15s later. */
    static final String CRASH = """
            scenario: checks
            until: 2m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3}
            services:
              web: {deploy: {replicas: 3}}
            timeline:
              - {at: 30s, crash: worker-1}
            expect:
            """;

    static Stream<Case> cases() {
        return Stream.of(
                new Case("spread over a label: counts per value in any order, the nodes without it one more group", ZONES + """
                        services:
                          web: {deploy: {replicas: 6, placement: {preferences: [{spread: node.labels.zone}]}}}
                        expect:
                          - spread: {web: {by: node.labels.zone, counts: [2, 2, 2]}}
                          - spread: {web: {by: node.labels.zone, counts: [3, 3]}}
                          - spread: {web: {by: node.labels.rack, counts: [1, 5]}}
                          - spread: {web: [1, 1, 1, 1, 1, 1]}
                        """, List.of(
                                "PASS web: spread over node.labels.zone {a: 2, b: 2, c: 2}",
                                "FAIL web: spread over node.labels.zone {a: 2, b: 2, c: 2}, expected [3, 3]",
                                "PASS web: spread over node.labels.rack {(no label): 5, r1: 1}",
                                "PASS web: spread [1, 1, 1, 1, 1, 1]")),
                new Case("update states: none, updating, paused, completed, rolled back", UPDATES + """
                          - {at: 29s, update: {web: none}}
                          - {at: 31s, update: {web: updating, api: updating}}
                          - {update: {web: paused, api: completed, pay: rollback_completed}}
                          - {update: {web: completed}}
                          - {update: {pay: none}}
                        """, List.of(
                                "PASS web: update none",
                                "PASS api: update updating (update in progress); web: update updating (update in progress)",
                                "PASS api: update completed (update completed); pay: update rollback_completed (rollback completed); "
                                        + "web: update paused (update paused due to failure or early termination of task web.1#2)",
                                "FAIL web: update paused (update paused due to failure or early termination of task web.1#2), expected completed",
                                "FAIL pay: update rollback_completed (rollback completed), expected none")),
                new Case("the image a task runs, and that every running task of a service runs", UPDATES + """
                          - {at: 29s, image: {api.1: "api:latest", web: "app:1"}}
                          - {image: {api.1: "api:2", api: "api:2"}}
                          - {image: {api: api}}
                          - {image: {web.1: "app:2"}}
                        """, List.of(
                                "PASS api.1: runs api; web: 3 running app:1",
                                "PASS api.1: runs api:2; api: 3 running api:2",
                                "FAIL api: 3 running api:2, expected all api",
                                "FAIL web.1: not running, expected app:2")),
                new Case("an event that happened, or never did, by the expectation's time or in a span", CRASH + """
                          - {event: {kind: node.crash, node: worker-1}}
                          - {event: {kind: task.failed, service: web, between: [0s, 30s], happened: false}}
                          - {event: {kind: task.failed, service: web, node: worker-1, between: [30s, 31s]}}
                          - {at: 40s, event: {kind: node.down, node: worker-1}}
                          - {event: {kind: node.down, node: worker-1}}
                          - {event: {kind: node.down, node: worker-2, happened: false}}
                          - {event: {kind: task.running, task: web.1}}
                          - {event: {kind: task.failed, task: web.1, happened: false}}
                        """, List.of(
                                "PASS node.crash of worker-1: at 30s",
                                "PASS task.failed of service web: none from 0s to 30s",
                                "PASS task.failed of service web on worker-1: at 30s",
                                "FAIL node.down of worker-1: none by 40s, expected at least one",
                                "PASS node.down of worker-1: at 41.828s",
                                "PASS node.down of worker-2: none by 2m",
                                "PASS task.running of web.1: at 2.05s and 1 more time",
                                "FAIL task.failed of web.1: at 30s, expected none by 2m")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluates(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("checks.yaml", c.yaml());
        assertEquals(List.of(), outcome.problems(), c.yaml());
        List<String> got = Expectations.evaluate(ScenarioRunner.run(outcome.scenario().orElseThrow(), RunOptions.DEFAULT)).stream()
                .map(r -> (r.passed() ? "PASS " : "FAIL ") + r.detail())
                .toList();
        assertEquals(c.results(), got);
    }
}
