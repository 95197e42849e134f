package io.flotilla.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = "Check scenario files without running them.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
    List<Path> files;

    @Override
    public Integer call() {
        boolean allValid = true;
        for (Path file : files) {
            boolean valid = Loading.load(file, spec.commandLine().getErr()).isPresent();
            if (valid) {
                spec.commandLine().getOut().println(file + ": valid");
            }
            allValid &= valid;
        }
        return allValid ? ExitCodes.PASSED : ExitCodes.INVALID_INPUT;
    }
}
