package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.api.Flotilla;
import io.flotilla.scenarios.cli.Cli.Outcome;
import io.flotilla.scenarios.expect.ExpectationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new} writes a starter scenario that runs and passes as written. */
class NewCommandTest {

    @TempDir
    Path dir;

    @Test
    void theStarterRunsAndEveryExpectationHolds() {
        Path file = dir.resolve("starter.yaml");
        Outcome wrote = Cli.run("new", file.toString());
        assertEquals(0, wrote.code(), wrote.err());
        assertEquals("wrote " + file + "; run it with ./flotilla run " + file + "\n", wrote.out());
        var expectations = Flotilla.run(file).expectations();
        assertTrue(expectations.size() >= 5, expectations.toString());
        assertTrue(expectations.stream().allMatch(ExpectationResult::passed), expectations.toString());
        Outcome run = Cli.run("run", file.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals(0, Cli.run("validate", file.toString()).code());
    }

    @Test
    void itIsCommentedAndShowsTheViews() throws IOException {
        String text = NewCommand.starter();
        assertTrue(text.lines().filter(l -> l.contains("#")).count() >= 10, text);
        assertTrue(text.contains("./flotilla ps FILE") && text.contains("./flotilla nodes FILE"), text);
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws IOException {
        Path file = Files.writeString(dir.resolve("mine.yaml"), "scenario: mine\n");
        Outcome refused = Cli.run("new", file.toString());
        assertEquals(2, refused.code());
        assertEquals("flotilla: " + file + " exists; choose another name or add --force to overwrite it\n", refused.err());
        assertEquals("scenario: mine\n", Files.readString(file));
        assertEquals(0, Cli.run("new", file.toString(), "--force").code());
        assertEquals(NewCommand.starter(), Files.readString(file));
    }

    @Test
    void aDashWritesItToStdout() throws IOException {
        Outcome out = Cli.run("new", "-");
        assertEquals(0, out.code(), out.err());
        assertEquals(NewCommand.starter(), out.out());
    }

    @Test
    void aPathThatCannotBeWrittenSaysWhy() {
        Path nowhere = dir.resolve("no-such-dir").resolve("x.yaml");
        Outcome missing = Cli.run("new", nowhere.toString());
        assertEquals(2, missing.code());
        assertEquals("flotilla: cannot write " + nowhere + ": no such directory\n", missing.err());
        Outcome directory = Cli.run("new", dir.toString(), "--force");
        assertEquals(2, directory.code());
        assertEquals("flotilla: cannot write " + dir + ": Is a directory\n", directory.err());
    }
}
