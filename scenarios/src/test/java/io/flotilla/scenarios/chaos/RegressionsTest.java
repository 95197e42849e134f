package io.flotilla.scenarios.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every run chaos found breaking an invariant, once fixed, is kept under {@code
 * scenarios/chaos/regressions/}: replayed, it must break none (exit 0), under the strategy it was
 * found with.
 */
class RegressionsTest {

    static final Path REGRESSIONS = Path.of("chaos/regressions");

    static List<Path> regressions() throws IOException {
        try (Stream<Path> files = Files.list(REGRESSIONS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void thereAreRegressionsToReplay() throws IOException {
        assertFalse(regressions().isEmpty(), "no file under " + REGRESSIONS.toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regressions")
    void replaysWithEveryInvariantHeld(Path file) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new String[] {"chaos", file.toString(), "--replay"},
                new PrintWriter(stdout), new PrintWriter(stderr));
        assertEquals(0, code, stdout + "\n" + stderr);
        assertTrue(stdout.toString().contains("every invariant held"), stdout.toString());
        assertFalse(stdout.toString().contains("broke"), stdout.toString());
    }
}
