package io.flotilla.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scenarios.model.TrafficTotals;
import io.flotilla.scenarios.output.JsonResult;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report page of a real run, opened and scrubbed: at each moment it shows what the event log
 * says was true then (nodes up and down, what the manager believed of them, tasks per state really
 * and in the manager's records, requests counted), its lanes are the run's nodes, and its
 * expectations say what {@code run --json} says of them.
 */
class ReportPageTest {

    @TempDir
    static Path dir;

    /** A run and the moments to look at it. */
    record Case(String name, String example, String strategy, List<String> moments) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a worker crashes: the manager believes its tasks run until it marks it down", "worker-failover",
                        "swarm", List.of("0s", "1.05s", "20s", "30s", "35s", "43.488s", "45s", "1m", "2m", "4m")),
                new Case("the same under kubernetes: the pods wait for eviction", "worker-failover", "kubernetes",
                        List.of("0s", "30s", "45s", "1m", "3m", "4m")),
                new Case("requests through a VIP while a node dies", "traffic-vip-failover", "swarm",
                        List.of("10s", "30s", "35.334s", "40s", "2m")),
                new Case("a partition: the manager marks down nodes that are up", "partition-duplicates", "swarm",
                        List.of("20s", "40s", "1m", "2m")),
                new Case("not enough room: tasks wait for a node", "resource-exhaustion", "swarm",
                        List.of("0s", "10s", "1m")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theScrubberShowsTheClusterAsTheLogHadItThen(Case c) {
        Scenario example = ReportPage.example(c.example);
        RunResult run = ReportPage.run(example.with(Strategy.valueOf(c.strategy.toUpperCase(Locale.ROOT)), example.seed()));
        try (ReportPage report = ReportPage.of(run, dir)) {
            for (String moment : c.moments) {
                long nanos = Durations.parse(moment).orElseThrow();
                long millis = ReportData.millis(nanos);
                report.scrubTo(millis);
                ClusterView view = Views.initial(run.scenario());
                view.applyUntil(run.log(), 0, millis * Durations.MILLISECOND);
                String at = c.example + " at " + moment + ": ";

                assertEquals(view.nodes().size(), report.number("#state [data-fact=nodes]"), at + "nodes");
                long up = view.nodes().stream().filter(NodeView::isUp).count();
                assertEquals(up, report.number("#state [data-fact=nodes-up]"), at + "nodes up");
                assertEquals(view.nodes().size() - up, report.number("#state [data-fact=nodes-down]"), at + "nodes down");
                Map<String, Long> believed = new TreeMap<>();
                view.nodes().forEach(n -> believed.merge(n.believed(), 1L, Long::sum));
                Map<String, Long> shownBelieved = new TreeMap<>();
                for (DomElement e : report.all("#state [data-fact^=believed-]")) {
                    shownBelieved.put(e.getAttribute("data-fact").substring("believed-".length()), ReportPage.number(e));
                }
                assertEquals(believed, shownBelieved, at + "what the manager believes of the nodes");

                Map<String, Long> truth = new TreeMap<>();
                Map<String, Long> records = new TreeMap<>();
                for (TaskView t : view.allTasks()) {
                    truth.merge(t.state().lowerName(), 1L, Long::sum);
                    records.merge(t.believed().lowerName(), 1L, Long::sum);
                }
                Map<String, Long> shownTruth = new TreeMap<>();
                Map<String, Long> shownRecords = new TreeMap<>();
                for (DomElement row : report.all("#state tr[data-state]")) {
                    String state = row.getAttribute("data-state");
                    DomElement reallyCell = (DomElement) row.querySelectorAll("td.truth", row).get(0);
                    DomElement recordedCell = (DomElement) row.querySelectorAll("td.belief", row).get(0);
                    long really = ReportPage.number(reallyCell);
                    long recorded = ReportPage.number(recordedCell);
                    if (really > 0) {
                        shownTruth.put(state, really);
                    }
                    if (recorded > 0) {
                        shownRecords.put(state, recorded);
                    }
                }
                assertEquals(truth, shownTruth, at + "tasks per state");
                assertEquals(records, shownRecords, at + "tasks per state in the manager's records");
                assertEquals(view.allTasks().size(), report.number("#state [data-fact=tasks]"), at + "tasks");

                for (TrafficDecl client : run.scenario().traffic()) {
                    TrafficTotals totals = TrafficTotals.of(view.traffic(client.name()));
                    String row = "#state tr[data-client='" + client.name() + "'] ";
                    assertEquals(totals.sent(), report.number(row + "[data-fact=sent]"), at + "requests sent");
                    assertEquals(totals.failed(), report.number(row + "[data-fact=failed]"), at + "requests failed");
                }
                assertEquals(moment.equals("0s") ? "0s" : Durations.format(millis * Durations.MILLISECOND),
                        report.one("#now").getTextContent(), at + "the time shown");
            }
        }
    }

    @Test
    void theLanesAreTheNodesOfTheRunsJson() {
        RunResult run = ReportPage.run(ReportPage.example("worker-failover"));
        List<String> nodes = new ArrayList<>();
        JsonResult.of(run, Expectations.evaluate(run)).get("nodes").forEach(n -> nodes.add(n.get("name").asText()));
        try (ReportPage report = ReportPage.of(run, dir)) {
            List<String> lanes = report.all("#timeline [data-lane]").stream().map(e -> e.getAttribute("data-lane")).toList();
            assertEquals(nodes, lanes);
            assertEquals(List.of(), report.all("#timeline [data-lane] [data-task]").stream()
                    .map(e -> e.getAttribute("data-task")).filter(name -> !name.startsWith("web.")).toList());
            assertEquals(8, report.all("#timeline [data-lane] [data-task]").size(), "six tasks and the two that replace those of worker-2");
            assertTrue(report.all("#timeline [data-lane='worker-2'] .task .gap").size() == 2,
                    "the gap drawn on worker-2's two tasks, which the manager believes running after the crash");
            assertFalse(report.all("#timeline [data-lane='worker-2'] .strip .gap").isEmpty(),
                    "and on the node, which it believes ready until it misses its heartbeats");
            assertTrue(report.all("#timeline [data-lane='worker-1'] .gap").isEmpty());
        }
    }

    @Test
    void expectationsShowWhetherTheyHeldAndLeadToTheirMoment() {
        RunResult run = ReportPage.run(ReportPage.parse("""
                scenario: verdicts
                until: 1m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 2}
                services:
                  web: {image: nginx, deploy: {replicas: 2}}
                timeline:
                  - {at: 20s, crash: worker-1}
                expect:
                  - {at: 10s, running: {web: 2}}
                  - {at: 25s, running: {web: 2}}
                  - node: {worker-1: down}
                """));
        List<ExpectationResult> results = Expectations.evaluate(run);
        try (ReportPage report = ReportPage.of(run, dir)) {
            List<DomElement> rows = report.all("#expectations tr[data-expectation]");
            assertEquals(results.size(), rows.size());
            for (int i = 0; i < results.size(); i++) {
                assertEquals(Boolean.toString(results.get(i).passed()), rows.get(i).getAttribute("data-passed"));
                assertTrue(rows.get(i).getTextContent().contains(results.get(i).detail()), rows.get(i).getTextContent());
            }
            assertEquals(List.of(true, false, true), results.stream().map(ExpectationResult::passed).toList());
            assertEquals(List.of("pass", "fail", "pass"),
                    report.all("#axis .mark").stream().map(m -> m.getAttribute("class").replace("mark ", "")).toList());

            try {
                ((HtmlElement) rows.get(1)).click();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertEquals("25000", ((HtmlInput) report.one("#scrub")).getValue(), "the failed one's moment");
            assertEquals("25s", report.one("#now").getTextContent());
            assertEquals(1, report.number("#state [data-fact=nodes-down]"));
            assertTrue(rows.get(1).getAttribute("class").contains("current"));
            assertTrue(rows.get(2).getAttribute("class").contains("later"), "the check at the end is still to come");
        }
    }
}
