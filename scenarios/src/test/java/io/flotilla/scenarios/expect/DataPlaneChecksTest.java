package io.flotilla.scenarios.expect;

import static io.flotilla.scenarios.HandLog.dns;
import static io.flotilla.scenarios.HandLog.running;
import static io.flotilla.scenarios.HandLog.window;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.HandLog;
import io.flotilla.scenarios.model.Scenario;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dns and traffic checks, evaluated on event logs written by hand: each case is a log, the
 * expectations, and what each one found.
 */
class DataPlaneChecksTest {

    static final String CLUSTER = """
            scenario: checks
            until: 2m
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker, count: 3}
            networks: {front: {}, back: {}, pods: {}}
            services:
              web: {networks: [front, back], deploy: {replicas: 3}}
            traffic:
              - {name: shoppers, from: manager-1, network: front, to: web, rate: 10/s}
            expect:
            """;

    /**
     * A log, the expectations (lines after {@code expect:}, and any top-level key after them), and
     * each one's verdict and detail.
     */
    record Case(String name, HandLog log, String expect, List<String> results) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("each node's own answer, as it was at the check's time",
                        new HandLog()
                                .at("0s").add(running("web.1#1", "web", 1, "worker-1"))
                                .add(running("web.2#1", "web", 2, "worker-2"))
                                .at("1s").add(dns("worker-1", "front", "tasks.web", List.of("10.0.1.3", "10.0.1.4"), List.of("web.1#1", "web.2#1")))
                                .add(dns("worker-2", "front", "tasks.web", List.of("10.0.1.3", "10.0.1.4"), List.of("web.1#1", "web.2#1")))
                                .at("40s").add(dns("worker-1", "front", "tasks.web", List.of("10.0.1.3"), List.of("web.1#1"))),
                        """
                          - {at: 30s, dns: {name: tasks.web, from: worker-1, network: front, answers: 2}}
                          - {dns: {name: tasks.web, from: worker-1, network: front, answers: [web.1]}}
                          - {dns: {name: tasks.web, from: worker-2, network: front, answers: [web.2, web.1]}}
                          - {dns: {name: tasks.web, from: worker-3, network: front, answers: 0}}
                          - {dns: {name: tasks.web, from: worker-2, network: back, answers: 2}}
                        """,
                        List.of("PASS tasks.web from worker-1 on front: 2 answers (web.1, web.2)",
                                "PASS tasks.web from worker-1 on front: 1 answer (web.1)",
                                "PASS tasks.web from worker-2 on front: 2 answers (web.1, web.2)",
                                "PASS tasks.web from worker-3 on front: NXDOMAIN",
                                "FAIL tasks.web from worker-2 on back: NXDOMAIN, expected 2 answers")),
                new Case("a VIP is one address and names no task; an empty answer is NXDOMAIN",
                        new HandLog()
                                .at("1s").add(dns("worker-1", "front", "web", List.of("10.0.1.2"), List.of()))
                                .at("50s").add(dns("worker-1", "front", "web", List.of(), List.of())),
                        """
                          - {at: 10s, dns: {name: web, from: worker-1, network: front, answers: 1}}
                          - {dns: {name: web, from: worker-1, network: front, answers: 1}}
                        """,
                        List.of("PASS web from worker-1 on front: VIP 10.0.1.2",
                                "FAIL web from worker-1 on front: NXDOMAIN, expected 1 answer")),
                new Case("the cluster DNS answers every node on any network; the newer of it and a node's own answer wins",
                        new HandLog()
                                .at("0s").add(running("web-7d9-abcde", "web", 1, "worker-1"))
                                .at("1s").add(dns("*", "pods", "tasks.web", List.of("10.244.1.2"), List.of("web-7d9-abcde")))
                                .at("5s").add(dns("worker-3", "pods", "tasks.web", List.of(), List.of()))
                                .at("9s").add(dns("*", "pods", "tasks.web", List.of("10.244.1.2"), List.of("web-7d9-abcde"))),
                        """
                          - {at: 2s, dns: {name: tasks.web, from: worker-2, network: front, answers: [web.1]}}
                          - {at: 6s, dns: {name: tasks.web, from: worker-3, network: pods, answers: 0}}
                          - {at: 10s, dns: {name: tasks.web, from: worker-3, network: pods, answers: 1}}
                        """,
                        List.of("PASS tasks.web from worker-2 on front: 1 answer (web.1)",
                                "PASS tasks.web from worker-3 on pods: NXDOMAIN",
                                "PASS tasks.web from worker-3 on pods: 1 answer (web.1)")),
                new Case("the cluster DNS of the kubernetes strategy, asked without a network",
                        new HandLog()
                                .at("0s").add(running("web-7d9-abcde", "web", 1, "worker-1"))
                                .at("1s").add(dns("*", "pods", "tasks.web", List.of("10.244.1.2"), List.of("web-7d9-abcde"))),
                        """
                          - {at: 2s, dns: {name: tasks.web, from: worker-2, answers: [web.1]}}
                        strategy: kubernetes
                        """,
                        List.of("PASS tasks.web from worker-2: 1 answer (web.1)")),
                new Case("requests sent before the check's time count, whenever their window is logged",
                        new HandLog()
                                .at("1s").add(window("shoppers", "0s", 10, List.of(), List.of("web.1#1", 5, "web.2#1", 5)))
                                .at("12s").add(window("shoppers", "10s", 10, List.of("timeout", 3), List.of("web.1#1", 7)))
                                .at("13s").add(window("shoppers", "11s", 10, List.of("nxdomain", 1, "timeout", 2), List.of("web.1#1", 7)))
                                .at("14s").add(window("shoppers", "12s", 10, List.of(), List.of("web.3#1", 10))),
                        """
                          - {at: 12s, traffic: {client: shoppers, failed: 6, served_by: 2}}
                          - {at: 12s, traffic: {client: shoppers, sent: 20}}
                          - {traffic: {client: shoppers, sent: 40, served: {at_least: 30}, failed: {at_most: 6}}}
                          - {traffic: {client: shoppers, between: [12s, 1m], failed: 0, served_by: {at_least: 2}}}
                          - {traffic: {client: shoppers, between: [0s, 11s], failed: {at_least: 1, at_most: 2}}}
                        """,
                        List.of("PASS shoppers, requests sent before 12s: 30 sent, 24 served, 6 failed (nxdomain 1, timeout 5), served by 2 tasks",
                                "FAIL shoppers, requests sent before 12s: 30 sent, 24 served, 6 failed (nxdomain 1, timeout 5), served by 2 tasks; "
                                        + "expected sent 20",
                                "PASS shoppers, requests sent before 2m: 40 sent, 34 served, 6 failed (nxdomain 1, timeout 5), served by 3 tasks",
                                "FAIL shoppers, requests sent from 12s to 1m: 10 sent, 10 served, 0 failed, served by 1 task; expected served_by at least 2",
                                "FAIL shoppers, requests sent from 0s to 11s: 20 sent, 17 served, 3 failed (timeout 3), served by 2 tasks; "
                                        + "expected failed from 1 to 2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluates(Case c) {
        Scenario scenario = HandLog.parse(CLUSTER + c.expect());
        List<String> got = Expectations.evaluate(c.log().run(scenario)).stream()
                .map(r -> (r.passed() ? "PASS " : "FAIL ") + r.detail())
                .toList();
        assertEquals(c.results(), got);
    }
}
