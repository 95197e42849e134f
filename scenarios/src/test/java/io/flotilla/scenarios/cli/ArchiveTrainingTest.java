package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher keeps the class-data archive only when the training run exits 0: a renamed example
 * or a refused option would otherwise leave every later run without it, silently.
 */
class ArchiveTrainingTest {

    @Test
    void everyTrainingCommandRunsAndPrintsWhatItsCommandPrints() {
        for (List<String> command : ArchiveTraining.COMMANDS) {
            Cli.Outcome outcome = Cli.run(ArchiveTraining.arguments(command, Path.of("examples")));
            assertEquals(ExitCodes.PASSED, outcome.code(), command + " failed:\n" + outcome.err());
            assertTrue(outcome.err().isEmpty(), command + " wrote to stderr:\n" + outcome.err());
            assertTrue(!outcome.out().isEmpty(), command + " printed nothing");
        }
    }

    @Test
    void theExampleIsResolvedInTheExamplesDirectoryAndTheOptionsKept() {
        String[] args = ArchiveTraining.arguments(List.of("run", "a.yaml", "--json"), Path.of("/x/examples"));
        assertEquals(List.of("run", "/x/examples/a.yaml", "--json"), List.of(args));
    }
}
