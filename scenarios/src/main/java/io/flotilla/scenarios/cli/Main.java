package io.flotilla.scenarios.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point: picocli dispatches to one class per subcommand. Every subcommand answers
 * {@code --help} (the help options are inherited), and {@code help COMMAND} prints the same.
 */
@Command(
        name = "flotilla",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "flotilla 0.1.0",
        description = "A deterministic container-orchestrator simulator.",
        subcommands = {RunCommand.class, ValidateCommand.class, ExplainCommand.class, CompareCommand.class,
                ExamplesCommand.class, PsCommand.class, NodesCommand.class, InspectCommand.class, KubectlCommand.class,
                NewCommand.class, StatsCommand.class, LogsCommand.class, ChaosCommand.class, ImportCommand.class,
                WorkerCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the output goes: whether to colour it and show progress. */
    final Terminal terminal;

    Main(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.detect()));
    }

    /** Runs one command line on streams that are not terminals (no colour, no progress). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Terminal.NONE);
    }

    /** Runs one command line; never throws: an unexpected failure is exit 3 with a one-line message. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
        CommandLine cli = new CommandLine(new Main(terminal));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("flotilla: internal error: " + e);
            if (System.getenv("FLOTILLA_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("flotilla: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCodes.INVALID_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
