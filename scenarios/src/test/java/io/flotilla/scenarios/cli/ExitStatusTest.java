package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.cli.Cli.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit statuses of SCENARIO-FORMAT.md section 1: 0 every expectation held, 1 one failed,
 * 2 the input is invalid (every problem as FILE:LINE:COLUMN: message, nothing run, no stack
 * trace), 3 an internal error.
 */
class ExitStatusTest {

    @TempDir
    Path dir;

    static final String FAILOVER = """
            scenario: failover
            until: 1m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            services:
              web: {image: "nginx:1.27", deploy: {replicas: 2}}
            timeline:
              - {at: 20s, crash: worker-1}
            expect:
              - at: 10s
                running: {web: 2}
              - running: {web: %d}
              - node: {worker-1: down}
            """;

    @Test
    void everyExpectationHeldExits0() {
        Outcome run = Cli.run("run", Cli.write(dir, "ok.yaml", FAILOVER.formatted(2)).toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("all 3 expectations held"), run.out());
    }

    @Test
    void aFailedExpectationExits1AndSaysWhich() {
        Outcome run = Cli.run("run", Cli.write(dir, "fail.yaml", FAILOVER.formatted(3)).toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().contains("FAIL line 13  running   at 1m       web: 2 running, expected 3"), run.out());
        assertTrue(run.out().contains("1 of 3 expectations failed"), run.out());
        assertEquals(1, Cli.run("run", "--json", dir.resolve("fail.yaml").toString()).code());
    }

    @Test
    void malformedYamlExits2WithItsPositionAndRunsNothing() {
        Path file = Cli.write(dir, "broken.yaml", """
                scenario: broken
                nodes: [{name: a}
                """);
        Path events = dir.resolve("events.jsonl");
        Outcome run = Cli.run("run", file.toString(), "--events", events.toString());
        assertEquals(2, run.code());
        assertEquals("", run.out(), "nothing is run");
        assertFalse(Files.exists(events), "nothing is run");
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).matches("\\Q" + file + "\\E:\\d+:\\d+: invalid YAML: .+"), lines.get(0));
        assertNoStackTrace(run);
    }

    @Test
    void everyProblemIsReportedWithADidYouMeanForAMisspeltKey() {
        Path file = Cli.write(dir, "typo.yaml", """
                scenario: typo
                nodes:
                  - {name: a}
                services:
                  web: {deploy: {replcas: 2}}
                  api: {deploy: {replicas: three}}
                """);
        for (String command : List.of("run", "validate")) {
            Outcome run = Cli.run(command, file.toString());
            assertEquals(2, run.code(), command);
            assertEquals("", run.out(), command);
            assertEquals(List.of(
                    file + ":5:18: unknown key 'replcas' in deploy; did you mean 'replicas'?",
                    file + ":6:28: replicas: expected a whole number, got \"three\""), run.err().lines().toList(), command);
        }
    }

    @Test
    void aFileThatDoesNotExistExits2() {
        Path missing = dir.resolve("missing.yaml");
        Outcome run = Cli.run("run", missing.toString());
        assertEquals(2, run.code());
        assertEquals(List.of(missing + ":1:1: no such file"), run.err().lines().toList());
        assertEquals("", run.out());
    }

    @Test
    void badCommandLineArgumentsExit2() {
        String file = Cli.write(dir, "ok.yaml", FAILOVER.formatted(2)).toString();
        Outcome strategy = Cli.run("run", file, "--strategy", "nomad");
        assertEquals(2, strategy.code());
        assertEquals("flotilla: unknown strategy 'nomad'; expected swarm or kubernetes\n", strategy.err());
        assertEquals(2, Cli.run("run", file, "--seed", "seven").code());
        assertEquals(2, Cli.run("run", file, "--verbose").code());
        assertEquals(2, Cli.run("run").code(), "the file is required");
        assertEquals(2, Cli.run("explain", file, "--task", "web.1", "--at", "soon").code());
        assertEquals(2, Cli.run("explain", file, "--task", "api.1").code(), "no decision for a task that never was");
    }

    /** A number option says what it expects, never a Java type name; a number too large is out of range. */
    @Test
    void aNumberOptionSaysWhatItExpects() {
        String file = Cli.write(dir, "ok.yaml", FAILOVER.formatted(2)).toString();
        Outcome seed = Cli.run("run", file, "--seed", "abc");
        assertEquals(2, seed.code());
        assertEquals("flotilla: Invalid value for option '--seed': expected a whole number, got 'abc'",
                seed.err().lines().findFirst().orElseThrow());
        assertEquals("flotilla: Invalid value for option '--seed': must be at most 9223372036854775807, got 99999999999999999999",
                Cli.run("run", file, "--seed", "99999999999999999999").err().lines().findFirst().orElseThrow());
        assertEquals("flotilla: Invalid value for option '--runs': expected a whole number, got '1.5'",
                Cli.run("chaos", file, "--runs", "1.5").err().lines().findFirst().orElseThrow());
        Outcome rate = Cli.run("chaos", file, "--rate", "NaN");
        assertEquals(2, rate.code());
        assertEquals("flotilla: Invalid value for option '--rate': expected a number such as 2 or 0.5, got 'NaN'",
                rate.err().lines().findFirst().orElseThrow());
        assertEquals(0, Cli.run("run", file, "--seed", "-5").code(), "a negative seed is a seed");
    }

    @Test
    void aChaosOptionOutOfRangeIsNamedWithItsValue() {
        String file = Cli.write(dir, "ok.yaml", FAILOVER.formatted(2)).toString();
        Outcome runs = Cli.run("chaos", file, "--runs", "0");
        assertEquals(2, runs.code());
        assertEquals("flotilla: --runs must be at least 1, got 0\n", runs.err());
        assertEquals("flotilla: --rate must be more than 0, got 0\n", Cli.run("chaos", file, "--rate", "0").err());
        assertEquals("flotilla: --rate must be more than 0, got -1.5\nflotilla: --shrink-budget must be 0 or more, got -1\n",
                Cli.run("chaos", file, "--rate", "-1.5", "--shrink-budget", "-1").err());
    }

    @Test
    void aConstraintKubernetesCannotExpressStopsOnlyKubernetesRuns() {
        Path file = Cli.write(dir, "boss.yaml", """
                scenario: boss
                until: 1m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker-1}
                services:
                  web:
                    image: nginx:1.27
                    deploy:
                      placement: {constraints: ["node.role == boss"], preferences: [{spread: node.id}]}
                """);
        assertEquals(0, Cli.run("validate", file.toString()).code(), "swarm reads both");
        Outcome run = Cli.run("run", file.toString(), "--strategy", "kubernetes");
        assertEquals(2, run.code());
        assertEquals(List.of(
                file + ":10:33: the kubernetes strategy cannot run this: unknown node role in constraint: node.role == boss",
                file + ":10:69: the kubernetes strategy cannot run this: not a node attribute Kubernetes can read: node.id"),
                run.err().lines().toList());
        assertEquals("", run.out());
        Outcome compare = Cli.run("compare", file.toString());
        assertEquals(0, compare.code(), compare.err());
        assertTrue(compare.out().contains("kubernetes is not runnable: " + file + ":10:33:"), compare.out());
    }

    @Test
    void aDeployThatChangesAServicesModeExits2UnderBothStrategies() {
        Path file = Cli.write(dir, "mode.yaml", """
                scenario: mode
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 2}
                services:
                  agent: {deploy: {mode: global}}
                timeline:
                  - {at: 30s, deploy: {services: {agent: {deploy: {replicas: 3}}}}}
                """);
        for (String strategy : List.of("swarm", "kubernetes")) {
            Outcome run = Cli.run("run", file.toString(), "--strategy", strategy);
            assertEquals(2, run.code(), strategy);
            assertEquals(file + ":8:35: service mode change is not allowed: 'agent' is global and this deploy makes it replicated\n",
                    run.err(), strategy);
            assertEquals("", run.out(), strategy);
        }
    }

    @Test
    void aWarningIsPrintedAndDoesNotStopTheRun() {
        Path file = Cli.write(dir, "late.yaml", """
                scenario: late
                until: 1m
                nodes:
                  - {name: manager-1, role: manager}
                timeline:
                  - {at: 2m, crash: manager-1}
                """);
        Outcome run = Cli.run("run", file.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(file + ":6:10: warning: at: 2m is after the end of the run (until: 1m); this item never happens\n",
                run.err());
        assertTrue(run.out().contains("scenario late"), "it ran");
    }

    @Test
    void anEventsFileThatCannotBeWrittenExits2() {
        String file = Cli.write(dir, "ok.yaml", FAILOVER.formatted(2)).toString();
        Path nowhere = dir.resolve("no-such-dir").resolve("events.jsonl");
        Outcome run = Cli.run("run", file, "--events", nowhere.toString());
        assertEquals(2, run.code());
        assertEquals("flotilla: cannot write the event log to " + nowhere + ": no such directory\n", run.err());
        assertNoStackTrace(run);
    }

    /** An installation without its examples is the program's fault, not the user's: exit 3, one line. */
    @Test
    void anInternalErrorExits3WithOneLineAndNoStackTrace() {
        String home = System.getProperty("flotilla.home");
        System.setProperty("flotilla.home", dir.toString());
        try {
            Outcome run = Cli.run("examples");
            assertEquals(3, run.code());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("flotilla: internal error: "), run.err());
            assertNoStackTrace(run);
        } finally {
            if (home == null) {
                System.clearProperty("flotilla.home");
            } else {
                System.setProperty("flotilla.home", home);
            }
        }
    }

    static void assertNoStackTrace(Outcome run) {
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(run.err().contains("Caused by"), run.err());
    }
}
