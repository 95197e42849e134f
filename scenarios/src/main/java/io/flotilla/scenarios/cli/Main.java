package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunProgress;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point: picocli dispatches to one class per subcommand. Every subcommand answers
 * {@code --help} (the help options are inherited), and {@code help COMMAND} prints the same.
 *
 * <p>The subcommands are added in code rather than listed in the annotation: picocli builds the model
 * of every subcommand it is given (reading each class's fields and annotations, and making an instance
 * of each) before parsing, which took about a third of a small run's main thread. When the
 * first argument names a subcommand, everything after it is that subcommand's to parse, so it alone
 * is added; any other command line ({@code --help}, {@code help run}, a mistyped name) gets them all.
 */
@Command(
        name = "flotilla",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "flotilla 0.1.0",
        description = "A deterministic container-orchestrator simulator.")
public final class Main implements Runnable {

    /** The subcommands, in the order {@code --help} lists them; each name is its {@code @Command} name. */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("run", RunCommand.class),
            new Subcommand("validate", ValidateCommand.class),
            new Subcommand("explain", ExplainCommand.class),
            new Subcommand("compare", CompareCommand.class),
            new Subcommand("examples", ExamplesCommand.class),
            new Subcommand("ps", PsCommand.class),
            new Subcommand("nodes", NodesCommand.class),
            new Subcommand("inspect", InspectCommand.class),
            new Subcommand("kubectl", KubectlCommand.class),
            new Subcommand("new", NewCommand.class),
            new Subcommand("stats", StatsCommand.class),
            new Subcommand("logs", LogsCommand.class),
            new Subcommand("chaos", ChaosCommand.class),
            new Subcommand("import", ImportCommand.class),
            new Subcommand("worker", WorkerCommand.class));

    /** A subcommand's name and its annotated class. */
    record Subcommand(String name, Class<?> type) {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the output goes: whether to colour it and show progress. */
    final Terminal terminal;
    /**
     * Whether the JVM exits as soon as the command returns: a command may then leave what it
     * started to the exit, such as a finished run's idle actor system ({@link #runScenario}).
     */
    final boolean exitsAfter;

    Main(Terminal terminal, boolean exitsAfter) {
        this.terminal = terminal;
        this.exitsAfter = exitsAfter;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a scenario for a command, and {@linkplain #finish finishes} the run. */
    RunResult runScenario(Scenario scenario, RunOptions options, RunProgress progress) {
        return finish(ScenarioRunner.runToEnd(scenario, options, progress));
    }

    RunResult runScenario(Scenario scenario, RunOptions options) {
        return runScenario(scenario, options, RunProgress.NONE);
    }

    /**
     * A finished run's result. Its actor system is stopped at once, or, in a JVM that exits when the
     * command returns, left to that exit: nothing in it outlives the process (no file, no socket;
     * Pekko's shutdown hooks are off), and stopping 5,000 nodes' actors takes a tenth of a second or
     * more. The result is the same either way.
     */
    RunResult finish(ScenarioRunner.FinishedRun finished) {
        if (!exitsAfter) {
            finished.close();
        }
        return finished.result();
    }

    public static void main(String[] args) {
        Terminal terminal = Terminal.detect();
        System.exit(execute(args, stdout(terminal), new PrintWriter(System.err, true), new Main(terminal, true)));
    }

    /**
     * Line by line to a terminal; to a file or a pipe in large blocks, flushed at the end, as C's
     * standard output is: each flush is a system call, one per line of a report of thousands.
     */
    private static PrintWriter stdout(Terminal terminal) {
        return terminal.stdoutIsTerminal()
                ? new PrintWriter(System.out, true)
                : new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out), 1 << 16), false);
    }

    /** Runs one command line on streams that are not terminals (no colour, no progress). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Terminal.NONE);
    }

    /** Runs one command line in a JVM that goes on after it. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
        return execute(args, out, err, new Main(terminal, false));
    }

    /** Runs one command line; never throws: an unexpected failure is exit 3 with a one-line message. */
    private static int execute(String[] args, PrintWriter out, PrintWriter err, Main main) {
        // Subcommands first: picocli gives the streams and handlers only to the subcommands it already has.
        CommandLine cli = commandLine(args, main);
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

    /** The command line with the subcommand {@code args} starts with, or with every one and {@code help}. */
    static CommandLine commandLine(String[] args, Terminal terminal) {
        return commandLine(args, new Main(terminal, false));
    }

    private static CommandLine commandLine(String[] args, Main main) {
        CommandLine cli = new CommandLine(main);
        Optional<Subcommand> named = args.length == 0 ? Optional.empty()
                : SUBCOMMANDS.stream().filter(s -> s.name().equals(args[0])).findFirst();
        if (named.isPresent()) {
            cli.addSubcommand(named.get().name(), named.get().type());
        } else {
            for (Subcommand subcommand : SUBCOMMANDS) {
                cli.addSubcommand(subcommand.name(), subcommand.type());
            }
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        NumberOptions.register(cli);
        return cli;
    }
}
