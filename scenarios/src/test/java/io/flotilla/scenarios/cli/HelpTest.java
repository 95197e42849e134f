package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.cli.Cli.Outcome;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    /** A command line naming a subcommand gets that subcommand alone; it must be the one {@code help} lists. */
    @ParameterizedTest
    @MethodSource("commands")
    void theSubcommandAddedAloneIsTheOneListed(String command) {
        CommandLine alone = Main.commandLine(new String[] {command, "--help"}, Terminal.NONE);
        CommandLine all = Main.commandLine(new String[] {"help"}, Terminal.NONE);
        assertEquals(List.of(command), List.copyOf(alone.getSubcommands().keySet()));
        assertEquals(all.getSubcommands().get(command).getUsageMessage(), alone.getSubcommands().get(command).getUsageMessage());
    }

    @Test
    void everySubcommandIsNamedAsItsAnnotationNamesIt() {
        for (Main.Subcommand subcommand : Main.SUBCOMMANDS) {
            assertEquals(subcommand.name(), subcommand.type().getAnnotation(Command.class).name());
        }
        assertEquals(commands(), Main.SUBCOMMANDS.stream().map(Main.Subcommand::name).toList());
    }

    @Test
    void helpAloneListsEveryCommand() {
        Outcome help = Cli.run("help");
        assertEquals(0, help.code(), help.err());
        for (String command : commands()) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in\n" + help.out());
        }
    }

    /** Every option and parameter says what it is for. */
    @ParameterizedTest
    @MethodSource("commands")
    void everyOptionAndParameterIsDescribed(String command) {
        CommandLine cli = Main.commandLine(new String[] {command}, Terminal.NONE).getSubcommands().get(command);
        cli.getCommandSpec().args().forEach(arg -> assertTrue(
                arg.description().length > 0 && !String.join("", arg.description()).isBlank(),
                command + " " + arg.paramLabel() + " has no description"));
    }

    @Test
    void chaosHelpShowsItsOptionsPlainlyAndWholeSentences() {
        String help = Cli.run("chaos", "--help").out();
        assertTrue(help.contains(" [--strategies=S,...]"), help);
        assertTrue(!help.contains(",S,"), help);
        assertTrue(help.contains("timeline; a run that breaks an invariant is written"), help);
    }
}
