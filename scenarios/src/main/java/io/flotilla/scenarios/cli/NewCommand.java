package io.flotilla.scenarios.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new", description = "Write a commented starter scenario (nodes, one service, one fault, expectations) that runs and passes as written.")
final class NewCommand implements Callable<Integer> {

    /** Where the starter scenario goes when no FILE is given. */
    static final String DEFAULT_FILE = "scenario.yaml";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = DEFAULT_FILE,
            description = "Where to write it (default: ${DEFAULT-VALUE}); - writes it to stdout.")
    String file;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = starter();
        if (file.equals("-")) {
            out.print(text);
            return ExitCodes.PASSED;
        }
        Path path = Path.of(file);
        if (Files.exists(path) && !force) {
            err.println("flotilla: " + file + " exists; choose another name or add --force to overwrite it");
            return ExitCodes.INVALID_INPUT;
        }
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("flotilla: cannot write " + file + ": " + RunCommand.why(e));
            return ExitCodes.INVALID_INPUT;
        }
        out.println("wrote " + file + "; run it with ./flotilla run " + file);
        return ExitCodes.PASSED;
    }

    /** The starter scenario's text, shipped in the jar. */
    static String starter() throws IOException {
        try (InputStream in = NewCommand.class.getResourceAsStream("starter.yaml")) {
            if (in == null) {
                throw new IOException("the starter scenario is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
