package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 * (a file that only has those is still valid). {@code --fail-on SEVERITY} is a scan gate, as
 * {@code trivy --exit-code 1 --severity} and {@code docker scout cves --exit-code --only-severity}
 * are in a pipeline: it lints, and exits 1 when a service's image has a known vulnerability of that
 * severity or worse.
 */
@Command(name = "validate", description = "Check scenario files without running them.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
    List<Path> files;

    @Option(names = "--lint", description = "Also warn where a service does not follow the security and operations "
            + "practices: non-root user, read-only root filesystem, capabilities dropped, not privileged, a health check, "
            + "a pinned image tag, an image without known vulnerabilities.")
    boolean lint;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "A scan gate (implies --lint): exit 1 when a "
            + "service's image has a known vulnerability of this severity or worse: low, medium, high or critical.")
    String failOn;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (failOn != null && !List.of("low", "medium", "high", "critical").contains(failOn.toLowerCase(Locale.ROOT))) {
            err.println("flotilla: --fail-on: expected one of low, medium, high, critical, got '" + failOn + "'");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        Optional<Severity> gate = Optional.ofNullable(failOn).map(w -> Severity.valueOf(w.toUpperCase(Locale.ROOT)));
        boolean allValid = true;
        boolean gateFailed = false;
        for (Path file : files) {
            Loading.Checked checked = Loading.check(file, err, Optional.empty(), lint || gate.isPresent());
            boolean valid = checked.scenario().isPresent();
            if (valid) {
                spec.commandLine().getOut().println(file + ": valid");
            }
            if (valid && gate.isPresent() && checked.worstVulnerability().filter(w -> w.atLeast(gate.get())).isPresent()) {
                err.println(file + ": the scan fails: an image has a known " + checked.worstVulnerability().get().word()
                        + " vulnerability (--fail-on " + failOn + ")");
                gateFailed = true;
            }
            allValid &= valid;
        }
        err.flush();
        return !allValid ? ExitCodes.INVALID_INPUT : gateFailed ? ExitCodes.SCAN_FAILED : ExitCodes.PASSED;
    }
}
