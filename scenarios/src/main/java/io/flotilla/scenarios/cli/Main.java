package io.flotilla.scenarios.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point: picocli dispatches to one class per subcommand. */
@Command(
        name = "flotilla",
        mixinStandardHelpOptions = true,
        version = "flotilla 0.1.0",
        description = "A deterministic container-orchestrator simulator.",
        subcommands = {RunCommand.class, ValidateCommand.class, ExplainCommand.class, CompareCommand.class,
                ExamplesCommand.class, ImportCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; never throws: an unexpected failure is exit 3 with a one-line message. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
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
