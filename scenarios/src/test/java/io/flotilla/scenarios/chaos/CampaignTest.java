package io.flotilla.scenarios.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.cli.Main;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.kernel.LoggedEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos runner on real runs: the CI campaign over {@code scenarios/chaos/small-cluster.yaml}
 * breaks no invariant under either strategy; a schedule is the same for the same seed and is an
 * ordinary timeline; a run that breaks an invariant is written out, shrunk, and its shrunk file
 * breaks the same invariant when replayed.
 */
class CampaignTest {

    static final Path BASE = Path.of("chaos/small-cluster.yaml");
    /** The CI campaign: runs per strategy (raise with -Dflotilla.chaos.runs=10000). */
    static final int RUNS = Integer.getInteger("flotilla.chaos.runs", 150);

    @Test
    void theCiCampaignBreaksNoInvariant(@TempDir Path out) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new String[] {"chaos", BASE.toString(), "--runs", String.valueOf(RUNS), "--seed", "1",
                "--out", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));
        assertEquals(0, code, stdout + "\n" + stderr);
        assertTrue(stdout.toString().contains("swarm: " + RUNS + " runs, no invariant broke"), stdout.toString());
        assertTrue(stdout.toString().contains("kubernetes: " + RUNS + " runs, no invariant broke"), stdout.toString());
    }

    @Test
    void aScheduleIsDrawnFromItsSeedAndParsesAsATimeline() throws Exception {
        Scenario base = new ScenarioParser().parse(BASE).scenario().orElseThrow();
        List<Fault> once = ScheduleDrawer.draw(base, FaultMix.all(), base.until(), new SplittableRandom(42));
        List<Fault> again = ScheduleDrawer.draw(base, FaultMix.all(), base.until(), new SplittableRandom(42));
        assertEquals(once, again);
        ChaosDocument doc = Campaign.documentFor(ChaosDocument.of(Files.readString(BASE)), 42, Strategy.SWARM, base.until(), once);
        var parsed = doc.parse("run.yaml");
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(), parsed.warnings(), "a drawn schedule never does nothing");
        assertEquals(once.size(), parsed.scenario().orElseThrow().timeline().size());
    }

    /** Firewall faults drop a pair of ports on a node, then let the same pair in: never a warning, never one gossip port alone. */
    @Test
    void firewallFaultsDropAndAcceptWholePairs() throws Exception {
        Scenario base = new ScenarioParser().parse(BASE).scenario().orElseThrow();
        FaultMix firewalls = new FaultMix(Map.of(FaultKind.FIREWALL, 1), 30.0);
        List<Fault> faults = ScheduleDrawer.draw(base, firewalls, base.until(), new SplittableRandom(7));
        assertTrue(faults.stream().anyMatch(f -> !((Action.Firewall) f.action()).drop()),
                "some pair is let in again: " + faults);
        Set<String> dropped = new HashSet<>();
        for (Fault f : faults) {
            Action.Firewall a = (Action.Firewall) f.action();
            assertEquals(2, a.rules().size());
            assertEquals(a.drop(), dropped.add(a.node() + a.rules()), "a pair is accepted only once dropped: " + f);
            if (!a.drop()) {
                dropped.remove(a.node() + a.rules());
            }
        }
        ChaosDocument doc = Campaign.documentFor(ChaosDocument.of(Files.readString(BASE)), 7, Strategy.SWARM, base.until(), faults);
        var parsed = doc.parse("run.yaml");
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(), parsed.warnings());
    }

    /** The base's own crash of worker-2 at 2m is left to it: no drawn crash or restart of it, so no warning either way. */
    @Test
    void theDrawerFollowsTheBasesOwnTimeline() throws Exception {
        Path file = Path.of("examples/statefulset-network-volume-failover.yaml");
        Scenario base = new ScenarioParser().parse(file).scenario().orElseThrow();
        FaultMix crashes = new FaultMix(Map.of(FaultKind.CRASH, 1, FaultKind.RESTART, 1), 30.0);
        for (long seed = 1; seed <= 20; seed++) {
            List<Fault> faults = ScheduleDrawer.draw(base, crashes, base.until(), new SplittableRandom(seed));
            assertTrue(faults.stream().noneMatch(f -> f.action() instanceof Action.Crash c && c.node().equals("worker-2")
                    || f.action() instanceof Action.Restart r && r.node().equals("worker-2")), faults.toString());
            assertTrue(faults.stream().anyMatch(f -> f.action() instanceof Action.Crash), "other nodes crash");
            ChaosDocument doc = Campaign.documentFor(ChaosDocument.of(Files.readString(file)), seed, Strategy.KUBERNETES,
                    base.until(), faults);
            var parsed = doc.parse("run.yaml");
            assertEquals(List.of(), parsed.problems());
            assertEquals(List.of(), parsed.warnings(), "seed " + seed);
        }
    }

    /** A deliberately strict invariant: worker-2 never crashes. */
    static final class Worker2NeverCrashes implements Invariant {
        @Override
        public String name() {
            return "worker-2-never-crashes";
        }

        @Override
        public Optional<String> after(ChaosState state, LoggedEvent last) {
            return last.event() instanceof NodeCrashed c && c.node().equals("worker-2")
                    ? Optional.of("worker-2 crashed") : Optional.empty();
        }
    }

    @Test
    void aFailingRunShrinksToTheFaultThatBreaksItAndTheNodesItNames() throws Exception {
        String base = """
                scenario: noisy
                until: 2m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 4}
                services:
                  web: {image: nginx, deploy: {replicas: 3}}
                  api: {image: nginx, deploy: {replicas: 2}}
                timeline:
                  - {at: 10s, crash: worker-1}
                  - {at: 20s, drain: worker-3}
                  - {at: 30s, kill_task: web.2}
                  - {at: 40s, restart: worker-1}
                  - {at: 50s, crash: worker-2}
                  - {at: 1m, scale: {api: 4}}
                  - {at: 1m10s, partition: [[worker-4]]}
                  - {at: 1m20s, heal: all}
                """;
        ChaosDocument doc = ChaosDocument.of(base);
        Scenario scenario = doc.parse("noisy.yaml").scenario().orElseThrow();
        Violation v = CheckedRun.of(scenario, Strategy.SWARM, c -> List.of(new Worker2NeverCrashes())).violation().orElseThrow();
        Shrinker.Shrunk shrunk = Shrinker.shrink(doc, Strategy.SWARM, v, 200, c -> List.of(new Worker2NeverCrashes()));
        Scenario left = shrunk.document().parse("shrunk.yaml").scenario().orElseThrow();
        assertEquals(List.of("crash worker-2"), left.timeline().stream().map(t -> t.action().describe()).toList());
        assertEquals(List.of("manager-1", "worker-1", "worker-2"), left.nodes().stream().map(n -> n.name()).toList());
        assertEquals(List.of(), left.services(), "no service is needed");
        assertEquals("worker-2-never-crashes", shrunk.violation().invariant());
    }

    /** The file chaos writes replays: --replay checks its own timeline and names the invariant it breaks. */
    @Test
    void aWrittenFileReplays(@TempDir Path out) throws Exception {
        Path file = out.resolve("short.yaml");
        Files.writeString(file, """
                scenario: short
                until: 30s
                nodes: [{name: manager-1, role: manager}, {name: worker, count: 2}]
                services:
                  web: {image: nginx, deploy: {replicas: 2}}
                timeline:
                  - {at: 10s, crash: worker-1}
                """);
        StringWriter replay = new StringWriter();
        int code = Main.execute(new String[] {"chaos", file.toString(), "--replay", "--strategies", "swarm,kubernetes"},
                new PrintWriter(replay), new PrintWriter(new StringWriter()));
        assertEquals(0, code, replay.toString());
        assertTrue(replay.toString().startsWith("swarm: every invariant held (bound "), replay.toString());
        assertTrue(replay.toString().contains("\nkubernetes: every invariant held (bound "), replay.toString());
    }
}
