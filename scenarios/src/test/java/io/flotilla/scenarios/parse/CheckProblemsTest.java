package io.flotilla.scenarios.parse;

import static io.flotilla.scenarios.parse.ProblemsTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.parse.ProblemsTest.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spread over a label, update, image and event checks: each problem with the exact
 * {@code line:column: message} a user sees, every problem of the file listed. The cluster comes
 * first (9 lines), so a case's own lines start at line 10.
 */
class CheckProblemsTest {

    static final String CLUSTER = """
            scenario: t
            until: 5m
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker, count: 2, labels: {zone: a}}
            services:
              web: {image: "nginx:1.27", deploy: {replicas: 2}}
              agent: {deploy: {mode: global}}
            expect:
            """;

    static Stream<Case> problems() {
        return Stream.of(
                problem("spread over a label", CLUSTER + """
                          - {spread: {web: {by: zone, counts: [2]}}}
                          - {spread: {web: {by: node.labels.zone}}}
                          - {spread: {web: {counts: [1, 0]}}}
                          - {spread: {web: {by: node.labels.zone, counts: [2], over: nodes}}}
                        """,
                        "10:25: by: expected node.labels.KEY or engine.labels.KEY, as a spread preference names a label; got \"zone\"",
                        "11:20: missing key 'counts' in spread of 'web'",
                        "12:20: missing key 'by' in spread of 'web'",
                        "12:33: counts: must be at least 1, got 0",
                        "13:56: unknown key 'over' in spread of 'web'"),
                problem("update states", CLUSTER + """
                          - {update: {web: paused, wbe: none}}
                          - {update: {web: done}}
                          - {update: {}}
                        """,
                        "10:28: unknown service or statefulset 'wbe'; did you mean 'web'?",
                        "11:20: web: expected one of none, updating, paused, completed, rollback_started, rollback_paused, "
                                + "rollback_completed, progressing, complete, got \"done\"; did you mean 'none'?",
                        "12:14: update: expected at least one service or statefulset"),
                problem("images of tasks and workloads", CLUSTER + """
                          - {image: {web.0: nginx, wbe.1: nginx, api: nginx}}
                          - {image: {web.1: "", agent.worker-9: nginx}}
                          - {image: {web: [nginx]}}
                        """,
                        "10:14: task 'web.0': the tasks of replicated service 'web' are named web.1, web.2, ...",
                        "10:28: unknown task 'wbe.1': unknown service 'wbe'; did you mean 'web'?",
                        "10:42: unknown service or statefulset 'api'",
                        "11:21: web.1: expected an image such as nginx:1.28",
                        "11:25: task 'agent.worker-9': global service 'agent' has a task per node, named agent.<node>, and there is "
                                + "no node 'worker-9'; did you mean 'worker-1'?",
                        "12:19: web: expected a string, got a list"),
                problem("events: kinds, what narrows them, spans", CLUSTER + """
                          - {event: {kind: task.fail}}
                          - {event: {task: web.1}}
                          - {event: {kind: node.crash, task: web.1, node: wroker-1}}
                          - {event: {kind: manager.leader, service: web}}
                          - {at: 1m, event: {kind: task.failed, between: [30s, 2m]}}
                          - {event: {kind: task.failed, between: [30s, 10s], happened: no}}
                          - {event: {kind: task.failed, between: [30s, 6m]}}
                          - {event: {kind: task.failed, between: [30s]}}
                        """,
                        "10:20: kind: expected an event kind such as task.failed, node.down or update.paused, got \"task.fail\"; "
                                + "did you mean 'task.failed'?",
                        "11:13: missing key 'kind' in event",
                        "12:32: task: node.crash is about a node; narrow it with node",
                        "12:51: unknown node 'wroker-1'; did you mean 'worker-1'?",
                        "13:36: service: manager.leader is about the cluster; nothing narrows it",
                        "14:56: between: 2m is after the expectation's time (at: 1m); what happens later is not known then",
                        "15:48: between: the end (10s) must be after the start (30s)",
                        "15:64: happened: expected true or false, got \"no\"",
                        "16:48: between: 6m is after the end of the run (until: 5m)",
                        "17:42: between: expected [START, END], two times such as [30s, 2m]; got 1 time"));
    }

    static Stream<Case> warnings() {
        return Stream.of(
                problem("a label no node has", CLUSTER + """
                          - {spread: {web: {by: node.labels.rack, counts: [2]}}}
                        """,
                        "10:25: warning: by: no node has the label 'node.labels.rack', so every task is in one group"),
                problem("a state a Kubernetes rollout never reaches", CLUSTER.replace("until: 5m", "strategy: kubernetes") + """
                          - {update: {web: paused}}
                          - {update: {web: complete}}
                        """,
                        "10:20: warning: update: a Deployment's rollout is never paused under the kubernetes strategy (it does "
                                + "not pause or roll back by itself); it is progressing (updating) or complete (completed)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reports(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertFalse(outcome.isValid(), "the file should be invalid");
        assertEquals(c.expected(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warns(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertTrue(outcome.isValid(), () -> outcome.problems().toString());
        assertEquals(c.expected(), outcome.warnings().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }
}
