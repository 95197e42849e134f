package io.flotilla.scenarios.compare;

import static io.flotilla.scenarios.HandLog.window;
import static io.flotilla.scenarios.compare.Scenarios.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.HandLog;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The requests a comparison counts: failed over the whole run, and per fault how long requests
 * kept failing after it, from traffic windows written by hand.
 */
class RequestsFailedTest {

    static final Scenario SCENARIO = Scenarios.parse("""
            scenario: requests
            until: 2m
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker, count: 2}
            networks: {front: {}}
            services:
              web: {networks: [front], deploy: {replicas: 2}}
            traffic:
              - {name: shoppers, from: manager-1, network: front, to: web, rate: 10/s}
              - {name: browsers, from: manager-1, network: front, to: web, rate: 10/s}
            timeline:
              - {at: 30s, crash: worker-1}
              - {at: 1m, restart: worker-1}
              - {at: 1m30s, crash: worker-2}
            """);

    /** Failures from 30s to 36s (both clients), none after the restart, and from 1m30s to the end. */
    static HandLog log() {
        HandLog log = new HandLog();
        for (int s = 0; s < 120; s++) {
            boolean failing = (s >= 30 && s < 36) || s >= 90;
            log.at((s + 1) + "s").add(window("shoppers", s + "s", 10, failing ? List.of("timeout", 5) : List.of(),
                    List.of("web.1#1", failing ? 5 : 10)));
            if (s == 35) {
                log.add(window("browsers", "35s", 10, List.of("timeout", 1), List.of("web.1#1", 9)));
            }
        }
        return log;
    }

    @Test
    void failuresOverTheRunAndHowLongTheyLastedAfterEachFault() {
        RunMetrics m = Metrics.of(log().run(SCENARIO));
        assertEquals(OptionalLong.of(6 * 5 + 1 + 30 * 5), m.requestsFailed());
        assertEquals(List.of(OptionalLong.of(t("6s")), OptionalLong.of(0), OptionalLong.empty()),
                m.faults().stream().map(RunMetrics.FaultMetrics::failingFor).toList(),
                "6s after the crash; none after the restart; still failing at the end");
    }

    @Test
    void withoutTrafficNothingIsCountedAndTheRowIsLeftOut() {
        Scenario quiet = Scenarios.parse("""
                scenario: quiet
                nodes: [{name: manager-1, role: manager}]
                timeline:
                  - {at: 30s, crash: manager-1}
                """);
        RunMetrics m = Metrics.of(new HandLog().run(quiet));
        assertEquals(OptionalLong.empty(), m.requestsFailed());
        assertEquals(OptionalLong.empty(), m.faults().get(0).failingFor());
        Comparison c = new Comparison(quiet, List.of(1L), Fault.of(quiet),
                List.of(new Comparison.Column(Strategy.SWARM, Optional.empty(), List.of(m))));
        StringWriter text = new StringWriter();
        CompareTable.print(c, new PrintWriter(text, true));
        assertTrue(!text.toString().contains("requests failing for"), text.toString());
        assertTrue(text.toString().contains("requests failed         -"), text.toString());
    }

    /** The log has no tasks, so no workload falls short: the task rows say nothing here. */
    @Test
    void theTableAndTheJsonShowBoth() {
        RunMetrics m = Metrics.of(log().run(SCENARIO));
        Comparison c = new Comparison(SCENARIO, List.of(1L), Fault.of(SCENARIO),
                List.of(new Comparison.Column(Strategy.SWARM, Optional.empty(), List.of(m))));
        StringWriter text = new StringWriter();
        CompareTable.print(c, new PrintWriter(text, true));
        assertEquals("""
                scenario requests  seed 1  until 2m

                                          swarm
                at 30s: crash worker-1
                  back to desired after   0s
                  tasks short, at worst   0
                  tasks moved             0
                  requests failing for    6s
                at 1m: restart worker-1
                  back to desired after   0s
                  tasks short, at worst   0
                  tasks moved             0
                  requests failing for    0s
                at 1m30s: crash worker-2
                  back to desired after   0s
                  tasks short, at worst   0
                  tasks moved             0
                  requests failing for    still failing
                whole run
                  tasks moved             0
                  tasks pending at end    0
                  tasks per node, max     0
                  tasks per node, min     0
                  tasks per zone, max     -
                  tasks per zone, min     -
                  peak cpu reserved       -
                  peak memory reserved    -
                  requests failed         181
                  expectations failed     0

                """, text.toString());
        String json = CompareJson.render(CompareJson.of(c));
        assertTrue(json.contains("\"failing_for\" : {\n        \"median\" : \"6s\""), json);
        assertTrue(json.contains("\"failing_for\" : null"), json);
        assertTrue(json.contains("\"requests_failed\" : 181"), json);
    }
}
