package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.imports.Dropped;
import io.flotilla.scenarios.imports.ImportException;
import io.flotilla.scenarios.imports.Imports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Turn a Docker stack file (compose version 3) or Kubernetes manifests into a "
        + "scenario with a default cluster; print it (or write it with -o), and on stderr what was left out and why.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "A stack file, or Kubernetes manifests (--- separates documents).")
    List<Path> files;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "3",
            description = "Workers of the default cluster, beside its one manager (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the scenario to this file instead of printing it.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (nodes < 0 || nodes > 100_000) {
            err.println("flotilla: --nodes must be from 0 to 100000, got " + nodes);
            return ExitCodes.INVALID_INPUT;
        }
        Imports.Result result;
        try {
            result = Imports.of(files, nodes);
        } catch (ImportException e) {
            e.problems().forEach(err::println);
            return ExitCodes.INVALID_INPUT;
        }
        if (output != null) {
            try {
                Files.writeString(output, result.scenario(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // A path the user gave that cannot be written is bad input, not an internal error.
                err.println("flotilla: cannot write the scenario to " + output + ": " + RunCommand.why(e));
                return ExitCodes.INVALID_INPUT;
            }
        }
        for (Dropped d : result.dropped()) {
            err.println(d);
        }
        if (output != null) {
            int n = result.dropped().size();
            err.println("flotilla: wrote " + output
                    + (n == 0 ? "" : " (" + n + (n == 1 ? " part" : " parts") + " of the source left out, listed above)"));
        } else {
            out.print(result.scenario());
        }
        return ExitCodes.PASSED;
    }
}
