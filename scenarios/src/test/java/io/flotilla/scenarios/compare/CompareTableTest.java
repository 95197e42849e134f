package io.flotilla.scenarios.compare;

import static io.flotilla.scenarios.compare.Scenarios.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.compare.RunMetrics.FaultMetrics;
import io.flotilla.scenarios.compare.RunMetrics.MinMax;
import io.flotilla.scenarios.compare.RunMetrics.PendingTask;
import io.flotilla.scenarios.model.Strategy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The table and the JSON of a comparison built by hand: two seeds of swarm, and a strategy that cannot run. */
class CompareTableTest {

    static final Fault CRASH = new Fault(t("30s"), "crash worker-2");

    static final Comparison COMPARISON = new Comparison(
            Scenarios.parse("""
                    scenario: table
                    until: 5m
                    nodes:
                      - {name: manager-1, role: manager}
                    """),
            List.of(1L, 2L),
            List.of(CRASH),
            List.of(
                    new Comparison.Column(Strategy.SWARM, Optional.empty(), List.of(
                            new RunMetrics(1, List.of(new FaultMetrics(CRASH, OptionalLong.of(t("19.488s")), 2, 2)), 2,
                                    List.of(new PendingTask("web.5", "no suitable node (insufficient resources on 2 nodes)")),
                                    Optional.of(new MinMax(3, 3)), Optional.empty(), OptionalDouble.of(0.375),
                                    OptionalDouble.empty(), OptionalLong.empty(), 0),
                            new RunMetrics(2, List.of(new FaultMetrics(CRASH, OptionalLong.empty(), 3, 1)), 1,
                                    List.of(), Optional.of(new MinMax(2, 4)), Optional.empty(), OptionalDouble.of(0.5),
                                    OptionalDouble.empty(), OptionalLong.empty(), 0))),
                    new Comparison.Column(Strategy.KUBERNETES, Optional.of("not in this build"), List.of())));

    @Test
    void strategiesAreAlignedColumnsWithTheMedianAndTheRangeOverSeeds() {
        StringWriter text = new StringWriter();
        CompareTable.print(COMPARISON, new PrintWriter(text, true));
        assertEquals("""
                scenario table  seeds 1,2  until 5m  (median of 2 runs, range min..max when they differ)

                                          swarm                          kubernetes
                runnable                  yes                            no (see below)
                at 30s: crash worker-2
                  back to desired after   not back (19.488s..not back)
                  tasks short, at worst   2.5 (2..3)
                  tasks moved             1.5 (1..2)
                whole run
                  tasks moved             1.5 (1..2)
                  tasks pending at end    0.5 (0..1)
                  tasks per node, max     3.5 (3..4)
                  tasks per node, min     2.5 (2..3)
                  tasks per zone, max     -
                  tasks per zone, min     -
                  peak cpu reserved       43.8% (37.5%..50%)
                  peak memory reserved    -
                  requests failed         -
                  expectations failed     0

                kubernetes is not runnable: not in this build
                pending at the end:
                  swarm: web.5 (in 1 of 2 runs): no suitable node (insufficient resources on 2 nodes)
                """, text.toString());
    }

    @Test
    void jsonHasEveryRowPerStrategyAndEveryRunsOwnValues() {
        String json = CompareJson.render(CompareJson.of(COMPARISON));
        String fault = """
                  "faults" : [ {
                    "at" : "30s",
                    "what" : "crash worker-2",
                    "swarm" : {
                      "recovery" : {
                        "median" : null,
                        "min" : "19.488s",
                        "max" : null
                      },
                      "tasks_short" : {
                        "median" : 2.5,
                        "min" : 2,
                        "max" : 3
                      },
                """;
        assertContains(json, fault);
        assertContains(json, """
                  "strategies" : [ {
                    "strategy" : "swarm",
                    "runnable" : true,
                    "reason" : null
                  }, {
                    "strategy" : "kubernetes",
                    "runnable" : false,
                    "reason" : "not in this build"
                  } ],
                """);
        assertContains(json, """
                    "kubernetes" : null
                  } ],
                  "whole_run" : {
                    "swarm" : {
                """);
        assertContains(json, """
                      "peak_cpu" : {
                        "median" : 43.8,
                        "min" : 37.5,
                        "max" : 50.0
                      },
                """);
        assertContains(json, """
                  "runs" : [ {
                    "strategy" : "swarm",
                    "seed" : 1,
                    "faults" : [ {
                      "recovery" : "19.488s",
                      "tasks_short" : 2,
                      "tasks_moved" : 2
                    } ],
                    "tasks_moved" : 2,
                    "tasks_pending" : 1,
                    "tasks_per_node_max" : 3,
                    "tasks_per_node_min" : 3,
                    "tasks_per_zone_max" : null,
                    "tasks_per_zone_min" : null,
                    "peak_cpu" : 37.5,
                    "peak_memory" : null,
                    "requests_failed" : null,
                    "expectations_failed" : 0,
                    "pending" : [ {
                      "task" : "web.5",
                      "reason" : "no suitable node (insufficient resources on 2 nodes)"
                    } ]
                  }, {
                """);
    }

    private static void assertContains(String json, String part) {
        if (!json.contains(part)) {
            assertEquals(part, json, "the JSON does not contain the expected part");
        }
    }
}
