package io.flotilla.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Lists the examples with paths that work from the directory it runs in: relative to it when the
 * examples are under it, absolute otherwise; the descriptions start in one column.
 */
@Command(name = "examples", description = "List the shipped example scenarios.")
final class ExamplesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path here = Path.of("").toAbsolutePath().normalize();
        List<String> paths = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Path file : ExampleFiles.list(ExampleFiles.directory())) {
            paths.add(ExampleFiles.shown(file, here));
            descriptions.add(ExampleFiles.description(file));
        }
        int width = paths.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < paths.size(); i++) {
            out.println((paths.get(i) + " ".repeat(width - paths.get(i).length()) + "  " + descriptions.get(i)).stripTrailing());
        }
        return ExitCodes.PASSED;
    }
}
