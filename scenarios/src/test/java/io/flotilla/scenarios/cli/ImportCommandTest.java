package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flotilla import}: the scenario on stdout (or in a file), what was left out on stderr, the exit status. */
class ImportCommandTest {

    static final String GUESTBOOK = "src/test/resources/imports/guestbook/";

    @Test
    void printsTheScenarioAndReportsWhatItLeftOut() {
        Cli.Outcome o = Cli.run("import", GUESTBOOK + "frontend.yaml", GUESTBOOK + "redis.yaml", "--nodes", "5");
        assertEquals(ExitCodes.PASSED, o.code(), o.err());
        assertTrue(o.out().contains("\n  - name: worker\n    count: 5\n"), o.out());
        assertEquals(GUESTBOOK + "frontend.yaml:21:11: dropped Deployment frontend: spec.template.spec.containers[0].env: what runs "
                + "inside a container is not simulated\n", o.err());
    }

    @Test
    void writesTheScenarioThatRunsAndHolds(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("voting.yaml");
        Cli.Outcome o = Cli.run("import", "src/test/resources/imports/voting-app/docker-stack.yml", "-o", out.toString());
        assertEquals(ExitCodes.PASSED, o.code(), o.err());
        assertEquals("", o.out());
        assertTrue(o.err().endsWith("flotilla: wrote " + out + " (7 parts of the source left out, listed above)\n"), o.err());
        assertEquals(ExitCodes.PASSED, Cli.run("run", out.toString()).code());
        assertTrue(Files.readString(out).startsWith("# Imported by flotilla import from "));
    }

    @Test
    void inputItCannotReadIsExitTwo(@TempDir Path dir) {
        Path notes = Cli.write(dir, "notes.yaml", "title: notes\n");
        Cli.Outcome o = Cli.run("import", notes.toString());
        assertEquals(ExitCodes.INVALID_INPUT, o.code());
        assertEquals(notes + ":1:1: neither a stack file (no services) nor a Kubernetes object (no apiVersion and kind)\n", o.err());
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("import", notes.toString(), "--nodes", "-1").code());
    }

    @Test
    void anOutputThatCannotBeWrittenIsExitTwoAndWritesNothing(@TempDir Path dir) {
        String stack = "src/test/resources/imports/voting-app/docker-stack.yml";
        Path nowhere = dir.resolve("no-such-dir").resolve("x.yaml");
        Cli.Outcome missing = Cli.run("import", stack, "-o", nowhere.toString());
        assertEquals(ExitCodes.INVALID_INPUT, missing.code());
        assertEquals("flotilla: cannot write the scenario to " + nowhere + ": no such directory\n", missing.err());
        Cli.Outcome directory = Cli.run("import", stack, "-o", dir.toString());
        assertEquals(ExitCodes.INVALID_INPUT, directory.code());
        assertEquals("flotilla: cannot write the scenario to " + dir + ": Is a directory\n", directory.err());
    }
}
