package io.flotilla.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.cli.Main;
import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.sim.view.ClusterView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.htmlunit.html.DomElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A large cluster is drawn in summaries, a lane per zone or per block of nodes, so that the page
 * stays small however many nodes and tasks the run has; and {@code compare --report} draws each
 * strategy on one time axis.
 */
class ReportScaleTest {

    @TempDir
    static Path dir;

    /** A cluster, and the lanes its report draws. */
    record Case(String name, String nodes, int replicas, List<String> lanes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("few nodes, many tasks: still a lane per node, as summaries",
                        "  - {name: worker, count: 3}\n", 1600, List.of("manager-1", "worker-1", "worker-2", "worker-3")),
                new Case("nodes in zones: a lane per zone", """
                          - {name: a, count: 100, labels: {zone: a}}
                          - {name: b, count: 100, labels: {zone: b}}
                          - {name: c, count: 99, labels: {zone: c}}
                        """, 1200, List.of("zone a", "zone b", "zone c")),
                new Case("nodes in no zone: a lane per block of nodes", "  - {name: worker, count: 79}\n", 400,
                        List.of("manager-1 … worker-1", "worker-2 … worker-3", "worker-4 … worker-5")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aLargeRunIsDrawnInSummaries(Case c) {
        RunResult run = ReportPage.run(ReportPage.parse("""
                scenario: large
                until: 1m
                nodes:
                  - {name: manager-1, role: manager%s}
                %s
                services:
                  web: {image: nginx, deploy: {replicas: %d}}
                timeline:
                  - {at: 20s, crash: %s}
                """.formatted(c.lanes.get(0).startsWith("zone") ? ", labels: {zone: a}" : "", c.nodes.stripTrailing(), c.replicas,
                c.lanes.get(0).startsWith("zone") ? "b-1" : "worker-1")));
        try (ReportPage report = ReportPage.of(run, dir)) {
            List<DomElement> lanes = report.all("#timeline [data-lane]");
            List<String> names = lanes.stream().map(e -> e.getAttribute("data-lane")).toList();
            assertEquals(c.lanes, names.subList(0, Math.min(names.size(), c.lanes.size())));
            assertEquals(run.scenario().nodes().size(), lanes.stream().mapToInt(e -> Integer.parseInt(e.getAttribute("data-nodes"))).sum(),
                    "every node in one lane");
            assertEquals(List.of(), report.all("#timeline [data-task]"), "no bar per task");
            assertTrue(report.elementCount() < 3_000, "elements: " + report.elementCount());

            report.scrubTo(30_000);
            ClusterView view = Views.initial(run.scenario());
            view.applyUntil(run.log(), 0, 30_000_000_000L);
            assertEquals(view.allTasks().size(), report.number("#state [data-fact=tasks]"));
            assertEquals(view.nodes().stream().filter(n -> !n.isUp()).count(), report.number("#state [data-fact=nodes-down]"));
            assertTrue(report.elementCount() < 3_000, "elements once scrubbed: " + report.elementCount());
        }
    }

    @Test
    void compareDrawsEachStrategyOnOneTimeAxis() {
        Path file = dir.resolve("compare.html");
        int code = Main.execute(new String[] {"compare", "examples/compare-worker-crash.yaml", "--seeds", "1..2", "--report", file.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        try (ReportPage report = ReportPage.open(file)) {
            assertEquals(List.of("0", "1"), report.all("#timeline .run").stream().map(e -> e.getAttribute("data-run")).toList());
            assertEquals(1, report.all("#axis").size(), "one time axis");
            report.scrubTo(60_000);
            List<DomElement> states = report.all("#state .state");
            assertEquals(2, states.size());
            assertTrue(states.get(0).getTextContent().startsWith("swarm at 1m"), states.get(0).getTextContent());
            assertTrue(states.get(1).getTextContent().startsWith("kubernetes at 1m"), states.get(1).getTextContent());
            assertTrue(report.one("#comparison pre").getTextContent().contains("back to desired after"));
            assertEquals(2, report.all("#expectations table").size(), "each strategy's own verdicts");
        }
    }
}
