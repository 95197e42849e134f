package io.flotilla.scenarios.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.output.Stats;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.time.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code docker stats} and {@code kubectl top} of a run at one moment: see {@link Stats}. */
@Command(name = "stats", description = "What each container and node reserves, is limited to and uses at one moment of "
        + "a run, as docker stats and kubectl top show it.")
final class StatsCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--at", paramLabel = "TIME", description = "The moment (default: the end of the run).")
    String at;

    @Option(names = "--strategy", paramLabel = "swarm|kubernetes", description = "Override the scenario's strategy.")
    String strategy;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Strategy> chosen = Strategies.parse(strategy, err);
        OptionalLong when = at == null ? OptionalLong.empty() : Durations.parse(at);
        if (at != null && when.isEmpty()) {
            err.println("flotilla: --at expects a duration such as 30s or 2m, got '" + at + "'");
            return ExitCodes.INVALID_INPUT;
        }
        if (strategy != null && chosen.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Optional<Scenario> scenario = Loading.load(file, err, chosen);
        if (scenario.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        if (when.isPresent() && when.getAsLong() > scenario.get().until()) {
            err.println("flotilla: --at " + at + " is after the end of the run (until: "
                    + Durations.format(scenario.get().until()) + ")");
            return ExitCodes.INVALID_INPUT;
        }
        RunResult run = main.runScenario(scenario.get(),
                new RunOptions(chosen, seed == null ? OptionalLong.empty() : OptionalLong.of(seed), Set.of()));
        Stats stats = Stats.of(run, when.orElse(run.end()));
        if (json) {
            out.println(MAPPER.writeValueAsString(stats.json()));
        } else {
            stats.print(out);
        }
        return ExitCodes.PASSED;
    }
}
