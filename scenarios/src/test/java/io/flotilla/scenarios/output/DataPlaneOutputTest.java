package io.flotilla.scenarios.output;

import static io.flotilla.scenarios.HandLog.dns;
import static io.flotilla.scenarios.HandLog.running;
import static io.flotilla.scenarios.HandLog.window;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.scenarios.HandLog;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TaskHealthChanged;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data plane in the human timeline and in {@code run --json}, from event logs written by hand. */
class DataPlaneOutputTest {

    static final Scenario SCENARIO = HandLog.parse("""
            scenario: output
            until: 1m
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker, count: 7}
            networks: {frontend: {}}
            services:
              web: {networks: [frontend], healthcheck: {interval: 5s}, deploy: {replicas: 3}}
            traffic:
              - {name: shoppers, from: manager-1, network: frontend, to: web, rate: 10/s}
              - {name: idle, from: manager-1, network: frontend, to: web, rate: 1/s, start: 50s}
            """);

    static final List<String> SEVEN = List.of("worker-1", "worker-2", "worker-3", "worker-4", "worker-5", "worker-6", "worker-7");

    static List<String> timeline(RunResult run, String... containing) {
        StringWriter out = new StringWriter();
        HumanReport.print(run, List.of(), new PrintWriter(out));
        return out.toString().lines()
                .filter(l -> List.of(containing).stream().anyMatch(l::contains))
                .map(String::strip)
                .toList();
    }

    /** The three tasks of web running, and every node answering tasks.web with all three. */
    static HandLog threeAnswers() {
        HandLog log = new HandLog().at("0s")
                .add(running("web.1#1", "web", 1, "worker-1"))
                .add(running("web.2#1", "web", 2, "worker-2"))
                .add(running("web.3#1", "web", 3, "worker-3"))
                .at("1s");
        for (String node : SEVEN) {
            log.add(dns(node, "frontend", "tasks.web", List.of("10.0.1.3", "10.0.1.4", "10.0.1.5"), List.of("web.1#1", "web.2#1", "web.3#1")));
        }
        return log;
    }

    @Test
    void nodesWhoseAnswerChangesAlikeAtOneInstantShareALine() {
        HandLog log = threeAnswers().at("20s");
        for (String node : SEVEN.subList(0, 5)) {
            log.add(dns(node, "frontend", "tasks.web", List.of("10.0.1.3", "10.0.1.5"), List.of("web.1#1", "web.3#1")));
        }
        log.add(dns("worker-6", "frontend", "tasks.web", List.of("10.0.1.3"), List.of("web.1#1")));
        log.at("21s").add(dns("worker-6", "frontend", "tasks.web", List.of("10.0.1.3", "10.0.1.5"), List.of("web.1#1", "web.3#1")));
        log.add(dns("worker-7", "frontend", "tasks.web", List.of("10.0.1.3", "10.0.1.5"), List.of("web.1#1", "web.3#1")));
        log.at("30s").add(dns("worker-7", "frontend", "tasks.web", List.of(), List.of()));
        log.at("40s").add(running("web.2#2", "web", 2, "worker-4"))
                .add(dns("worker-1", "frontend", "tasks.web", List.of("10.0.1.3", "10.0.1.6"), List.of("web.1#1", "web.2#2")));
        log.at("50s").add(dns("worker-1", "frontend", "tasks.web", List.of("10.0.1.3", "10.0.1.7"), List.of("web.1#1", "web.2#3")));
        assertEquals(List.of(
                        "1s  dns tasks.web on frontend: NXDOMAIN -> 3 answers on 7 nodes (+web.1, +web.2, +web.3)",
                        "20s  dns tasks.web on frontend: 3 answers -> 2 answers on 5 nodes (-web.2)",
                        "20s  dns tasks.web on frontend: 3 answers -> 1 answer on worker-6 (-web.2, -web.3)",
                        "21s  dns tasks.web on frontend: 1 answer -> 2 answers on worker-6 (+web.3)",
                        "21s  dns tasks.web on frontend: 3 answers -> 2 answers on worker-7 (-web.2)",
                        "30s  dns tasks.web on frontend: 2 answers -> NXDOMAIN on worker-7 (-web.1, -web.3)",
                        "40s  dns tasks.web on frontend: 2 answers -> 2 answers on worker-1 (+web.2, -web.3)",
                        "50s  dns tasks.web on frontend: 2 answers -> 2 answers on worker-1 (+web.2, -web.2)"),
                timeline(log.run(SCENARIO), "dns "));
    }

    @Test
    void aVipAndTheClusterDns() {
        HandLog log = new HandLog().at("1s")
                .add(dns("worker-1", "frontend", "web", List.of("10.0.1.2"), List.of()))
                .add(dns("worker-2", "frontend", "web", List.of("10.0.1.2"), List.of()))
                .at("5s").add(dns("*", "pods", "web", List.of("10.96.0.2"), List.of()));
        assertEquals(List.of(
                        "1s  dns web on frontend: NXDOMAIN -> VIP 10.0.1.2 on worker-1, worker-2",
                        "5s  dns web on pods: NXDOMAIN -> VIP 10.96.0.2 on every node"),
                timeline(log.run(SCENARIO), "dns "));
    }

    @Test
    void timesPrintToTheMillisecond() {
        HandLog log = new HandLog().at("7134946393ns").add(dns("worker-1", "frontend", "web", List.of("10.0.1.2"), List.of()));
        assertEquals(List.of("7.134s  dns web on frontend: NXDOMAIN -> VIP 10.0.1.2 on worker-1"), timeline(log.run(SCENARIO), "dns "));
    }

    @Test
    void backendsThatChangeAlikeOnTheSameNodesShareALine() {
        HandLog log = threeAnswers().at("2s");
        for (String node : SEVEN) {
            for (String task : List.of("web.1#1", "web.2#1", "web.3#1")) {
                log.add(new LbBackendChanged(node, "frontend", "web", task, 1));
            }
        }
        log.at("20s");
        for (String node : SEVEN) {
            log.add(new LbBackendChanged(node, "frontend", "web", "web.2#1", 0));
        }
        log.at("22s").add(new LbBackendChanged("worker-1", "frontend", "web", "web.2#1", -1))
                .add(new LbBackendChanged("worker-1", "frontend", "web", "web.2#1", -1))
                .at("23s").add(new LbBackendChanged("worker-2", "frontend", "web", "web.2#1", 1));
        assertEquals(List.of(
                        "2s  lb web on frontend: web.1, web.2, web.3 added on 7 nodes",
                        "20s  lb web on frontend: web.2 weight 0 (draining) on 7 nodes",
                        "22s  lb web on frontend: web.2 removed on worker-1",
                        "23s  lb web on frontend: web.2 back to weight 1 on worker-2"),
                timeline(log.run(SCENARIO), "lb "));
    }

    @Test
    void healthChangesAreTheTasksOwnLines() {
        HandLog log = threeAnswers().at("1s").add(new TaskHealthChanged("web.2#1", "worker-2", "starting", 0))
                .at("6s").add(new TaskHealthChanged("web.2#1", "worker-2", "healthy", 0))
                .at("45s").add(new TaskHealthChanged("web.2#1", "worker-2", "unhealthy", 3));
        assertEquals(List.of(
                        "1s  web.2                  health starting    worker-2",
                        "6s  web.2                  health healthy     worker-2",
                        "45s  web.2                  health unhealthy   worker-2       3 failed checks in a row"),
                timeline(log.run(SCENARIO), "health "));
    }

    @Test
    void failingRequestsAreToldEveryTenSecondsUntilTheyStop() {
        HandLog log = new HandLog();
        for (int s = 0; s < 40; s++) {
            boolean failing = s >= 12 && s < 25;
            log.at((s + 1) + "s").add(window("shoppers", s + "s", 10,
                    failing ? List.of("timeout", 3, "nxdomain", s == 12 ? 1 : 0) : List.of(),
                    List.of("web.1#1", failing ? (s == 12 ? 6 : 7) : 10)));
        }
        assertEquals(List.of(
                        "20s  shoppers: 25 of 100 sent in the last 10s failed (nxdomain 1, timeout 24)",
                        "30s  shoppers: 15 of 100 sent in the last 10s failed (timeout 15)",
                        "40s  shoppers: no failures in the last 10s (100 served)"),
                timeline(log.run(SCENARIO), "shoppers"));
    }

    @Test
    void aBlockLoggedLateOrCutByTheEndSaysItsSpan() {
        HandLog log = new HandLog()
                .at("12s").add(window("shoppers", "9s", 10, List.of("reset", 2), List.of("web.1#1", 8)))
                .at("46s").add(window("shoppers", "45s", 10, List.of("refused", 10), List.of()));
        assertEquals(List.of(
                        "12s  shoppers: 2 of 10 sent from 0s to 10s failed (reset 2)",
                        "1m  shoppers: 10 of 10 sent from 40s to 50s failed (refused 10)"),
                timeline(log.run(SCENARIO), "shoppers"));
    }

    @Test
    void theJsonResultHasEveryClientsTrafficAndEveryTasksAddressesAndHealth() {
        HandLog log = new HandLog().at("0s")
                .add(running("web.1#1", "web", 1, "worker-1", "ingress=10.0.0.4"))
                .at("1s").add(new TaskAddressed("web.1#1", "frontend", "10.0.1.3"))
                .add(new TaskHealthChanged("web.1#1", "worker-1", "healthy", 0))
                .at("2s").add(window("shoppers", "1s", 10, List.of(), List.of("web.1#1", 10)))
                .at("3s").add(window("shoppers", "2s", 10, List.of("timeout", 4, "no_route", 0), List.of("web.1#1", 4, "web.2#1", 2)));
        RunResult run = log.run(SCENARIO);
        JsonNode root = JsonResult.of(run, Expectations.evaluate(run));
        assertEquals("{\"frontend\":\"10.0.1.3\",\"ingress\":\"10.0.0.4\"}", root.at("/tasks/0/addresses").toString());
        assertEquals("healthy", root.at("/tasks/0/health").asText());
        assertEquals("[{\"client\":\"shoppers\",\"sent\":20,\"served\":16,\"failed\":4,\"failed_by_reason\":{\"timeout\":4},"
                        + "\"served_by\":{\"web.1#1\":14,\"web.2#1\":2}},"
                        + "{\"client\":\"idle\",\"sent\":0,\"served\":0,\"failed\":0,\"failed_by_reason\":{},\"served_by\":{}}]",
                root.get("traffic").toString());
    }
}
