package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.output.HumanReport;
import io.flotilla.scenarios.output.JsonResult;
import io.flotilla.scenarios.output.Palette;
import io.flotilla.scenarios.report.HtmlReport;
import io.flotilla.scenarios.report.ReportData;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", description = "Run a scenario: the timeline of what happened, then a summary.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--strategy", paramLabel = "swarm|kubernetes", description = "Override the scenario's strategy.")
    String strategy;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--json", description = "Print only the JSON result.")
    boolean json;

    @Option(names = "--events", paramLabel = "F.jsonl", description = "Write the event log as JSON Lines.")
    Path events;

    @Option(names = "--report", paramLabel = "F.html", description = "Write the run as one self-contained HTML page.")
    Path report;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Strategy> chosen = Strategies.parse(strategy, err);
        if (strategy != null && chosen.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Optional<Scenario> scenario = Loading.load(file, err, chosen);
        if (scenario.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        RunResult run;
        try (Progress progress = Progress.on(main.terminal, err)) {
            run = main.runScenario(scenario.get(),
                    new RunOptions(chosen, seed == null ? OptionalLong.empty() : OptionalLong.of(seed), Set.of()),
                    progress.listener());
        }
        Expectations.Evaluation evaluation = Expectations.evaluateToEnd(run);
        List<ExpectationResult> results = evaluation.results();
        if (events != null) {
            try (BufferedWriter w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
                run.log().writeJsonLines(w);
            } catch (IOException e) {
                // A path the user gave that cannot be written is bad input, not an internal error.
                err.println("flotilla: cannot write the event log to " + events + ": " + why(e));
                return ExitCodes.INVALID_INPUT;
            }
        }
        if (report != null) {
            try {
                HtmlReport.write(report, ReportData.ofRun(run, results));
            } catch (IOException e) {
                err.println("flotilla: cannot write the report to " + report + ": " + why(e));
                return ExitCodes.INVALID_INPUT;
            }
        }
        if (json) {
            JsonResult.print(run, evaluation, out);
        } else {
            HumanReport.print(run, results, out, main.terminal.colour() ? Palette.ANSI : Palette.PLAIN);
        }
        return results.stream().allMatch(ExpectationResult::passed) ? ExitCodes.PASSED : ExitCodes.EXPECTATION_FAILED;
    }

    static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
