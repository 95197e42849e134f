package io.flotilla.scenarios.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run the launcher records its class-data-sharing archive from, once after each build: a few
 * short commands on shipped examples in one JVM, so that the archive holds what a text run, a
 * Kubernetes run with {@code --json} and a {@code compare} with traffic load, whatever command comes
 * first. An archive recorded from the first command itself held nothing of the simulator when that
 * command was {@code examples} or {@code --version}, and every run after it took two thirds as long
 * again.
 */
public final class ArchiveTraining {

    /** The command lines, each naming a file under the examples directory second. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("run", "worker-failover.yaml"),
            List.of("run", "kubernetes-node-failure.yaml", "--json"),
            List.of("compare", "compare-traffic-failover.yaml"));

    private ArchiveTraining() {}

    /** Exits 0 when every command ran (its expectations may fail), 1 otherwise; prints nothing. */
    public static void main(String[] args) {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Path examples = ExampleFiles.directory();
        boolean ran = true;
        for (List<String> command : COMMANDS) {
            ran &= Main.execute(arguments(command, examples), none, none) <= ExitCodes.EXPECTATION_FAILED;
        }
        System.exit(ran ? 0 : 1);
    }

    static String[] arguments(List<String> command, Path examples) {
        List<String> args = new ArrayList<>(command);
        args.set(1, examples.resolve(command.get(1)).toString());
        return args.toArray(String[]::new);
    }
}
