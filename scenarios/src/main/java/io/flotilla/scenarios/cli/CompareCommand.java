package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.cluster.ClusterSweep;
import io.flotilla.scenarios.cluster.HostPort;
import io.flotilla.scenarios.cluster.ScenarioSource;
import io.flotilla.scenarios.compare.CompareJson;
import io.flotilla.scenarios.compare.CompareTable;
import io.flotilla.scenarios.compare.Comparison;
import io.flotilla.scenarios.compare.Seeds;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.report.ComparisonReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", description = "Run a scenario under each strategy (and seed) and print their outcome metrics side by side.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--strategies", paramLabel = "LIST", defaultValue = "swarm,kubernetes",
            description = "Strategies to compare, comma-separated (default: ${DEFAULT-VALUE}).")
    String strategies;

    @Option(names = "--seeds", paramLabel = "1..N",
            description = "Seeds to run each strategy with: 1..N, one seed, or a comma list (default: the scenario's seed).")
    String seeds;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Option(names = "--report", paramLabel = "F.html",
            description = "Write the strategies' runs (the first seed's) on one time axis as one self-contained HTML page.")
    Path report;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs to simulate at once, each on its own thread (default: the number of processors). "
                    + "The output is the same whatever N.")
    Integer threads;

    @Option(names = "--cluster", paramLabel = "HOST:PORT",
            description = "Listen at HOST:PORT as a cluster's seed and hand the runs to the `flotilla worker --join HOST:PORT` "
                    + "JVMs that join it; the output is the same as without. See docs/cluster.md.")
    String cluster;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Strategy> chosen = new ArrayList<>();
        for (String name : strategies.split(",", -1)) {
            Optional<Strategy> strategy = Strategies.parse(name, err);
            if (strategy.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            if (!chosen.contains(strategy.get())) {
                chosen.add(strategy.get());
            }
        }
        List<Long> seedList = List.of();
        if (seeds != null) {
            try {
                seedList = Seeds.parse(seeds);
            } catch (IllegalArgumentException e) {
                err.println("flotilla: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        if (threads != null && threads < 1) {
            err.println("flotilla: --threads must be at least 1, not " + threads);
            return ExitCodes.INVALID_INPUT;
        }
        Optional<HostPort> at = Optional.empty();
        if (cluster != null) {
            try {
                at = Optional.of(HostPort.parse(cluster));
            } catch (IllegalArgumentException e) {
                err.println("flotilla: --cluster " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            if (report != null) {
                err.println("flotilla: --report keeps the runs themselves, which stay on the workers; drop --cluster for a report");
                return ExitCodes.INVALID_INPUT;
            }
        }
        if (at.isPresent()) {
            return clustered(at.get(), chosen, seedList, out, err);
        }
        Optional<Scenario> scenario = Loading.load(file, err);
        if (scenario.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        ComparisonReport page = new ComparisonReport();
        Comparison comparison = Comparison.run(scenario.get(), chosen,
                seeds == null ? List.of(scenario.get().seed()) : seedList, scenario.get()::unrunnableUnder,
                report == null ? run -> {} : page,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        if (report != null && comparison.anyRan()) {
            try {
                page.write(report, comparison);
            } catch (IOException e) {
                err.println("flotilla: cannot write the report to " + report + ": " + RunCommand.why(e));
                return ExitCodes.INVALID_INPUT;
            }
        }
        return print(comparison, out);
    }

    /** The same sweep with its runs measured on the cluster's workers; the scenario is checked here, before any is sent. */
    private int clustered(HostPort at, List<Strategy> chosen, List<Long> seedList, PrintWriter out, PrintWriter err) {
        Optional<Loading.Loaded> loaded = Loading.loadWithText(file, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Scenario scenario = loaded.get().scenario();
        ScenarioSource source = new ScenarioSource(file.toString(), loaded.get().text());
        int local = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Comparison comparison;
        try {
            comparison = Comparison.runOn(scenario, chosen, seeds == null ? List.of(scenario.seed()) : seedList,
                    scenario::unrunnableUnder, runs -> ClusterSweep.run(at, source, scenario, runs, local, err));
        } catch (IllegalStateException e) {
            err.println("flotilla: " + e.getMessage());
            return ExitCodes.INTERNAL_ERROR;
        }
        return print(comparison, out);
    }

    private int print(Comparison comparison, PrintWriter out) {
        if (json) {
            out.println(CompareJson.render(CompareJson.of(comparison)));
        } else {
            CompareTable.print(comparison, out);
        }
        return comparison.anyRan() ? ExitCodes.PASSED : ExitCodes.INVALID_INPUT;
    }
}
