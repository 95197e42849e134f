package io.flotilla.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE...}: every problem of each file; with {@code --lint}, also the security and
 * operations practices its services do not follow, as {@code FILE:LINE:COLUMN: warning: ...} lines
 * (a file that only has those is still valid).
 */
@Command(name = "validate", description = "Check scenario files without running them.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
    List<Path> files;

    @Option(names = "--lint", description = "Also warn where a service does not follow the security and operations "
            + "practices: non-root user, read-only root filesystem, capabilities dropped, not privileged, a health check, "
            + "a pinned image tag.")
    boolean lint;

    @Override
    public Integer call() {
        boolean allValid = true;
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            boolean valid = Loading.load(file, err, Optional.empty(), lint).isPresent();
            if (valid) {
                spec.commandLine().getOut().println(file + ": valid");
            }
            allValid &= valid;
        }
        return allValid ? ExitCodes.PASSED : ExitCodes.INVALID_INPUT;
    }
}
