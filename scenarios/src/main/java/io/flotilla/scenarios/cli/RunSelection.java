package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.views.RunMoment;
import io.flotilla.scheduler.time.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every view shares: the scenario, the moment to look at ({@code --at}, the end of the
 * run by default) and the strategy and seed to run it with. Runs the scenario once and folds its
 * log up to the moment.
 */
final class RunSelection {

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--at", paramLabel = "TIME",
            description = "The virtual time to look at, such as 45s or 2m (default: the end of the run).")
    String at;

    @Option(names = "--strategy", paramLabel = "swarm|kubernetes", description = "Override the scenario's strategy.")
    String strategy;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    /** What was chosen, or why not (already printed): the scenario, its strategy, and the moment. */
    record Chosen(Scenario scenario, Strategy strategy, OptionalLong at) {}

    Optional<Chosen> choose(PrintWriter err) {
        Optional<Strategy> chosen = Strategies.parse(strategy, err);
        if (strategy != null && chosen.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong when = at == null ? OptionalLong.empty() : Durations.parse(at);
        if (at != null && when.isEmpty()) {
            err.println("flotilla: --at expects a duration such as 30s or 2m, got '" + at + "'");
            return Optional.empty();
        }
        Optional<Scenario> scenario = Loading.load(file, err, chosen);
        if (scenario.isEmpty()) {
            return Optional.empty();
        }
        if (when.isPresent() && when.getAsLong() > scenario.get().until()) {
            err.println("flotilla: --at " + at + " is after the end of the run (until: "
                    + Durations.format(scenario.get().until()) + ")");
            return Optional.empty();
        }
        return Optional.of(new Chosen(scenario.get(), chosen.orElse(scenario.get().strategy()), when));
    }

    /** Runs the chosen scenario, showing progress when the terminal wants it, and folds it to the moment. */
    RunMoment run(Chosen chosen, Main main, PrintWriter err) {
        return run(chosen, main, err, false);
    }

    /** The same, logging every served request if {@code accessLog} (what the containers' logs are made of). */
    RunMoment run(Chosen chosen, Main main, PrintWriter err, boolean accessLog) {
        RunOptions options = new RunOptions(Optional.of(chosen.strategy()),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), Set.of(), Optional.empty(), accessLog);
        RunResult run;
        try (Progress progress = Progress.on(main.terminal, err)) {
            run = main.runScenario(chosen.scenario(), options, progress.listener());
        }
        return RunMoment.of(run, chosen.at().orElse(run.end()));
    }
}
