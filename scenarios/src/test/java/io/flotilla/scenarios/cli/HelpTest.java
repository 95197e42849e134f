package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.cli.Cli.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every subcommand answers {@code --help}, even without its required arguments, and {@code help COMMAND} says the same. */
class HelpTest {

    static List<String> commands() {
        return List.of("run", "validate", "explain", "compare", "examples", "ps", "nodes", "inspect", "kubectl", "new", "stats", "logs",
                "chaos", "import", "worker");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everySubcommandAnswersHelp(String command) {
        Outcome help = Cli.run(command, "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: flotilla " + command + " "), help.out());
        assertEquals("", help.err());
        assertEquals(help.out(), Cli.run("help", command).out(), "help " + command);
        assertEquals(help.out(), Cli.run(command, "-h").out());
    }

    @Test
    void helpAloneListsEveryCommand() {
        Outcome help = Cli.run("help");
        assertEquals(0, help.code(), help.err());
        for (String command : commands()) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in\n" + help.out());
        }
    }
}
