package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line's own JVM leaves a finished run's actor system to its exit: it ends, with the
 * output and exit code of a run whose actor system was stopped, in a JVM that goes on.
 */
class ProcessExitTest {

    private static Cli.Outcome inItsOwnJvm(String... args) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = classPath;
        command[3] = Main.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // A bound on a process that never exits, not a timing: the run itself takes about a second.
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the JVM did not exit");
        return new Cli.Outcome(process.exitValue(), out, "");
    }

    @Test
    void aRunInItsOwnJvmPrintsWhatARunInThisOneDoesAndExits() throws IOException, InterruptedException {
        String[] args = {"run", "examples/worker-failover.yaml", "--json"};
        Cli.Outcome own = inItsOwnJvm(args);
        Cli.Outcome here = Cli.run(args);
        assertEquals(ExitCodes.PASSED, own.code());
        assertEquals(here.code(), own.code());
        assertEquals(here.out(), own.out());
    }
}
