package io.flotilla.scenarios.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import io.flotilla.sim.events.NetworkChanged;
import io.flotilla.sim.kernel.EventLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lines of the human timeline for what the manager's view does not show: ignored actions, link faults. */
class HumanReportTest {

    static final String SCENARIO = """
            scenario: ignored
            seed: 7
            until: 40s
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            services:
              web: {image: nginx:1.27, deploy: {replicas: 2}}
            timeline:
              - {at: 10s, restart: worker-2}
              - {at: 20s, crash: worker-2}
              - {at: 25s, crash: worker-2}
              - {at: 30s, kill_task: web.7}
            """;

    static Scenario scenario() {
        ParseOutcome outcome = new ScenarioParser().parse("ignored.yaml", SCENARIO);
        assertEquals(List.of(), outcome.problems());
        return outcome.scenario().orElseThrow();
    }

    static List<String> lines(RunResult run, String containing) {
        StringWriter out = new StringWriter();
        HumanReport.print(run, List.of(), new PrintWriter(out));
        return out.toString().lines().filter(l -> l.contains(containing)).map(String::strip).toList();
    }

    @Test
    void anIgnoredActionSaysWhy() {
        RunResult run = ScenarioRunner.run(scenario(), RunOptions.DEFAULT);
        assertEquals(List.of(
                        "10s  ignored: restart worker-2: worker-2 is already up",
                        "25s  ignored: crash worker-2: worker-2 is already down",
                        "30s  ignored: kill_task web.7: no node runs web.7"),
                lines(run, "ignored:"));
    }

    /** An availability a node has, a replica count a workload has, a network with no cut: each says so, under both strategies. */
    @ParameterizedTest
    @EnumSource(Strategy.class)
    void anActionThatChangesNothingSaysSo(Strategy strategy) {
        ParseOutcome outcome = new ScenarioParser().parse("same.yaml", """
                scenario: same
                seed: 7
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  web: {image: nginx:1.27, deploy: {replicas: 2}}
                timeline:
                  - {at: 10s, drain: manager-1}
                  - {at: 20s, activate: worker-1}
                  - {at: 30s, scale: {web: 2}}
                  - {at: 40s, heal: all}
                """);
        RunResult run = ScenarioRunner.run(outcome.scenario().orElseThrow(),
                new RunOptions(Optional.of(strategy), OptionalLong.empty(), Set.of()));
        assertEquals(List.of(
                        "10s  ignored: drain manager-1: manager-1 is already drained",
                        "20s  ignored: activate worker-1: worker-1 is already active",
                        "30s  ignored: scale web: web already has 2 replicas",
                        "40s  ignored: heal all: nothing is partitioned or cut"),
                lines(run, "ignored:"));
    }

    @Test
    void aLinkFaultNamesItsTwoEnds() {
        long[] now = {0};
        EventLog log = new EventLog(() -> now[0]);
        now[0] = 30_000_000_000L;
        log.append(new NetworkChanged("link_down", List.of(List.of("worker-1", "manager-1"))));
        now[0] = 60_000_000_000L;
        log.append(new NetworkChanged("link_up", List.of(List.of("worker-1", "manager-1"))));
        RunResult run = new RunResult(scenario(), scenario().strategy(), 7, 60_000_000_000L, log);
        assertEquals(List.of(
                        "30s  network                link_down                         worker-1 x manager-1: nothing passes between them",
                        "1m  network                link_up                           worker-1 <-> manager-1: linked again"),
                lines(run, "network"));
    }

    /**
     * A worker's crash: its task fails at once while the manager still wants it running and was
     * last told it runs; once the node is marked down the manager wants it shut down, still last
     * told it runs; the node's report of the failure comes only when it is back.
     */
    @Test
    void desiredAndLastReportedStatesAreShownApart() {
        ParseOutcome outcome = new ScenarioParser().parse("crash.yaml", """
                scenario: crash
                seed: 7
                until: 1m30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  web: {image: nginx:1.27, deploy: {replicas: 2}}
                timeline:
                  - {at: 20s, crash: worker-1}
                  - {at: 1m, restart: worker-1}
                """);
        RunResult run = ScenarioRunner.run(outcome.scenario().orElseThrow(), RunOptions.DEFAULT);
        List<String> lines = lines(run, "web.1 ").stream().filter(l -> l.contains("reported")).toList();
        assertEquals(List.of(
                        "20s  web.1                  failed             worker-1       node crashed"
                                + "  (manager: desired running, last reported running until 1m)",
                        "34.756s  web.1                  -> shutdown        [manager]      node down"
                                + "  (desired shutdown, last reported running; really failed since 20s)",
                        "1m  web.1                  reported failed    [manager]      task lost when its node restarted"),
                lines);
    }

    /**
     * A pod on a crashed node is not replaced before its node comes back, and then runs again: what
     * the manager was last told is true again from then on. The client's line names the kind the
     * workload is deployed as.
     */
    @Test
    void aPodThatRunsAgainOnItsReturningNodeClosesTheGap() {
        ParseOutcome outcome = new ScenarioParser().parse("pod.yaml", """
                scenario: pod
                strategy: kubernetes
                seed: 7
                until: 2m
                nodes:
                  - {name: control-plane-1, role: manager}
                  - {name: worker, count: 2}
                statefulsets:
                  db: {image: postgres:16, replicas: 1}
                timeline:
                  - {at: 20s, crash: worker-1}
                  - {at: 1m, restart: worker-1}
                """);
        assertEquals(List.of(), outcome.problems());
        RunResult run = ScenarioRunner.run(outcome.scenario().orElseThrow(), RunOptions.DEFAULT);
        assertEquals(List.of("0s  client -> api server   kubectl apply                     statefulset db: 1 replicas of postgres:16"),
                lines(run, "kubectl apply"));
        List<String> failed = lines(run, "db-0 ").stream().filter(l -> l.contains("last reported")).toList();
        assertEquals(1, failed.size(), failed::toString);
        assertEquals(true, failed.get(0).endsWith("(manager: desired running, last reported running until 1m)"), failed.get(0));
    }

    /**
     * A pod whose registry (100ms away, 100MB/s) is down from 0s to 1m: its pulls fail, and the
     * minute's resync pulls the 70MB image at 1m20.1s. The image line says what that pull took
     * (800ms) and, apart, how long after the first attempt it began, not the whole wait as the pull.
     */
    @Test
    void anImagePulledAfterFailedPullsTellsThePullApartFromTheWait() {
        ParseOutcome outcome = new ScenarioParser().parse("pull.yaml", """
                scenario: pull
                strategy: kubernetes
                until: 2m
                registries:
                  hub: {bandwidth: 100MB/s, latency: 100ms}
                images:
                  "nginx:1.28": {size: 70MB}
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1}
                services:
                  web: {image: "nginx:1.28"}
                timeline:
                  - {at: 0s, registry_down: hub}
                  - {at: 1m, registry_up: hub}
                """);
        assertEquals(List.of(), outcome.problems());
        RunResult run = ScenarioRunner.run(outcome.scenario().orElseThrow(), RunOptions.DEFAULT);
        assertEquals(List.of("1m20.9s  hub -> worker-1        image pulled                      nginx:1.28 ready after 800ms"
                        + " (1 layer, 70MB), a pull begun 1m20.1s after the first attempt"),
                lines(run, "image pulled"));
    }

    @Test
    void onATerminalFailuresAreRedAndVerdictsColoured() {
        assertEquals("\033[31mweb.1  failed  worker-1  node crashed\033[0m", Palette.ANSI.timeline("web.1  failed  worker-1  node crashed"));
        assertEquals("\033[36mweb.1  -> shutdown  [manager]  node down\033[0m",
                Palette.ANSI.timeline("web.1  -> shutdown  [manager]  node down"));
        assertEquals("\033[32mweb.1  running  worker-1  started\033[0m", Palette.ANSI.timeline("web.1  running  worker-1  started"));
        assertEquals("web.1  preparing  worker-1  preparing", Palette.ANSI.timeline("web.1  preparing  worker-1  preparing"));
        assertEquals("\033[32mPASS\033[0m", Palette.ANSI.verdict(true));
        assertEquals("\033[31mFAIL\033[0m", Palette.ANSI.verdict(false));
        assertEquals("web.1  failed  worker-1  node crashed", Palette.PLAIN.timeline("web.1  failed  worker-1  node crashed"));
        assertEquals("FAIL", Palette.PLAIN.verdict(false));
    }
}
