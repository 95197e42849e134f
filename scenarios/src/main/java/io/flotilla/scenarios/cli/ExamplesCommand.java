package io.flotilla.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "examples", description = "List the shipped example scenarios.")
final class ExamplesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : ExampleFiles.list(ExampleFiles.directory())) {
            out.printf("%-45s %s%n", "scenarios/examples/" + file.getFileName(), ExampleFiles.description(file));
        }
        return ExitCodes.PASSED;
    }
}
