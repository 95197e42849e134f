package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunProgress;
import io.flotilla.scenarios.run.ScenarioRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's own JVM leaves a finished run's actor system to its exit: it ends, with the
 * output and exit code the same command has where the actor system is stopped, in a JVM that goes on.
 */
class ProcessExitTest {

    /** The command line in a JVM of its own, its streams not terminals and in UTF-8, as the test reads them. */
    private static Cli.Outcome inItsOwnJvm(Path dir, String... args) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dflotilla.stdout.tty=false", "-Dflotilla.stderr.tty=false", "-Dfile.encoding=UTF-8",
                "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A bound on a JVM that never exits, not a timing: the run itself takes about a second.
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "the JVM did not exit");
        return new Cli.Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A JVM that goes on (the tests', a sweep's) stops each finished run's actor system at once. */
    @Test
    void onlyAJvmThatExitsAfterTheCommandLeavesTheActorSystemUp() {
        Scenario scenario = new ScenarioParser().parse("finish.yaml", """
                scenario: finish
                until: 10s
                nodes:
                  - {name: manager-1, role: manager}
                """).scenario().orElseThrow();
        try (ScenarioRunner.FinishedRun goesOn = ScenarioRunner.runToEnd(scenario, RunOptions.DEFAULT, RunProgress.NONE);
                ScenarioRunner.FinishedRun exits = ScenarioRunner.runToEnd(scenario, RunOptions.DEFAULT, RunProgress.NONE)) {
            new Main(Terminal.NONE, false).finish(goesOn);
            new Main(Terminal.NONE, true).finish(exits);
            assertTrue(goesOn.simulation().system().whenTerminated().isCompleted());
            assertFalse(exits.simulation().system().whenTerminated().isCompleted());
        }
    }

    /** Commands that run a scenario: the run itself, a view folded from it, and its statistics. */
    @ParameterizedTest
    @ValueSource(strings = {"run examples/worker-failover.yaml --json", "ps examples/worker-failover.yaml",
            "stats examples/worker-failover.yaml"})
    void aCommandInItsOwnJvmPrintsWhatItPrintsInThisOneAndExits(String line, @TempDir Path dir)
            throws IOException, InterruptedException {
        String[] args = line.split(" ");
        Cli.Outcome own = inItsOwnJvm(dir, args);
        Cli.Outcome here = Cli.run(args);
        assertEquals(ExitCodes.PASSED, own.code(), own.err());
        assertEquals(here.code(), own.code());
        assertEquals(here.out(), own.out());
        assertEquals(here.err(), own.err());
    }
}
