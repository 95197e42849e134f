package io.flotilla.scenarios.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.scenarios.chaos.Campaign;
import io.flotilla.scenarios.chaos.CampaignOptions;
import io.flotilla.scenarios.chaos.CampaignResult;
import io.flotilla.scenarios.chaos.ChaosDocument;
import io.flotilla.scenarios.chaos.CheckedRun;
import io.flotilla.scenarios.chaos.ConvergenceBound;
import io.flotilla.scenarios.chaos.FaultMix;
import io.flotilla.scenarios.chaos.Violation;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

// One paragraph per string: picocli wraps each and starts every string on a new line.
@Command(name = "chaos", description = {
        "Run a scenario under random fault schedules and check invariants after every event.",
        "Each run's schedule is drawn from --seed and written as the scenario's timeline; a run that breaks an "
                + "invariant is written to --out as a standalone scenario, and the first of each strategy shrunk.",
        "With --replay, check the file's own timeline instead (a file chaos wrote)."})
final class ChaosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The base scenario (or, with --replay, the file to check).")
    Path file;

    @Option(names = "--runs", paramLabel = "N", description = "How many schedules to draw (default ${DEFAULT-VALUE}).", defaultValue = "100")
    int runs;

    @Option(names = "--seed", paramLabel = "S", description = "The campaign's seed (default ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--faults", paramLabel = "KIND[=W],...",
            description = "Fault kinds and relative weights: crash, restart, partition, heal, link, zone, drain, kill, scale, update, firewall (default: all, weight 1).")
    String faults;

    @Option(names = "--rate", paramLabel = "F", description = "Faults per minute of the base scenario's time, on average (default ${DEFAULT-VALUE}).",
            defaultValue = "2")
    double rate;

    @Option(names = "--strategies", paramLabel = "S,...", split = ",", hideParamSyntax = true,
            description = "Strategies to run each schedule under, swarm or kubernetes, comma-separated "
                    + "(default: swarm,kubernetes; with --replay the file's own).")
    List<String> strategies;

    @Option(names = "--out", paramLabel = "DIR", description = "Where failing runs are written (default ${DEFAULT-VALUE}).",
            defaultValue = "chaos-failures")
    Path out;

    @Option(names = "--shrink-budget", paramLabel = "N", description = "At most N runs to shrink a failure, 0 for none (default ${DEFAULT-VALUE}).",
            defaultValue = "200")
    int shrinkBudget;

    @Option(names = "--replay", description = "Check the invariants on the file's own timeline, drawing nothing.")
    boolean replay;

    @Option(names = "--json", description = "Print only the JSON summary.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Strategy> chosen = new ArrayList<>();
        for (String s : strategies == null ? List.<String>of() : strategies) {
            Optional<Strategy> one = Strategies.parse(s, err);
            if (one.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            chosen.add(one.get());
        }
        List<String> wrong = new ArrayList<>();
        if (runs < 1) {
            wrong.add("--runs must be at least 1, got " + runs);
        }
        if (rate <= 0) {
            wrong.add("--rate must be more than 0, got " + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString());
        }
        if (shrinkBudget < 0) {
            wrong.add("--shrink-budget must be 0 or more, got " + shrinkBudget);
        }
        if (!wrong.isEmpty()) {
            wrong.forEach(w -> err.println("flotilla: " + w));
            return ExitCodes.INVALID_INPUT;
        }
        FaultMix mix = FaultMix.all();
        if (faults != null) {
            StringBuilder why = new StringBuilder();
            Optional<FaultMix> parsed = FaultMix.parse(faults, rate, why);
            if (parsed.isEmpty()) {
                err.println("flotilla: --faults: " + why);
                return ExitCodes.INVALID_INPUT;
            }
            mix = parsed.get();
        } else {
            mix = new FaultMix(mix.weights(), rate);
        }
        Optional<Scenario> scenario = Loading.load(file, err);
        if (scenario.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        if (chosen.isEmpty()) {
            chosen = replay ? List.of(scenario.get().strategy()) : List.of(Strategy.SWARM, Strategy.KUBERNETES);
        }
        for (Strategy s : chosen) {
            Optional<String> unrunnable = scenario.get().unrunnableUnder(s);
            if (unrunnable.isPresent()) {
                err.println(unrunnable.get());
                return ExitCodes.INVALID_INPUT;
            }
        }
        return replay ? replay(scenario.get(), chosen, stdout) : campaign(scenario.get(), chosen, mix, stdout);
    }

    private int replay(Scenario scenario, List<Strategy> chosen, PrintWriter stdout) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        ArrayNode results = root.putArray("strategies");
        boolean broke = false;
        for (Strategy s : chosen) {
            Optional<Violation> v = CheckedRun.of(scenario, s).violation();
            broke |= v.isPresent();
            ObjectNode r = results.addObject().put("strategy", name(s));
            v.ifPresentOrElse(x -> violation(r.putObject("violation"), x), () -> r.putNull("violation"));
            if (!json) {
                stdout.println(name(s) + ": " + v.map(x -> "broke " + x.describe()).orElse("every invariant held")
                        + " (bound " + ConvergenceBound.of(scenario, s).describe() + ")");
            }
        }
        if (json) {
            stdout.println(root.toPrettyString());
        }
        return broke ? ExitCodes.EXPECTATION_FAILED : ExitCodes.PASSED;
    }

    private int campaign(Scenario scenario, List<Strategy> chosen, FaultMix mix, PrintWriter stdout) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        CampaignOptions options = new CampaignOptions(runs, seed, mix, chosen, Optional.of(out), shrinkBudget);
        CampaignResult result = Campaign.run(ChaosDocument.of(text), scenario, options, Campaign.Listener.NONE);
        if (json) {
            stdout.println(json(result, mix).toPrettyString());
        } else {
            print(result, mix, stdout);
        }
        return result.passed() ? ExitCodes.PASSED : ExitCodes.EXPECTATION_FAILED;
    }

    private void print(CampaignResult result, FaultMix mix, PrintWriter o) {
        o.println("chaos " + file + ": " + runs + " runs, seed " + seed + ", faults " + kinds(mix) + " at " + rate + "/min");
        for (CampaignResult.StrategySummary s : result.strategies()) {
            o.println();
            o.println(name(s.strategy()) + ": " + s.runs() + " runs, " + (s.failures().isEmpty() ? "no invariant broke"
                    : s.failures().size() + " broke an invariant (" + byInvariant(s) + ")"));
            o.println("  faults injected: " + s.faults().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            o.println("  convergence bound: " + s.bound());
            o.println("  same seed, same bytes: " + s.replayed() + " runs made twice");
            for (CampaignResult.Failure f : s.failures().stream().limit(10).toList()) {
                o.println("  run " + f.run() + " (seed " + f.seed() + ", " + f.faults() + " faults): " + f.violation().describe());
                f.file().ifPresent(p -> o.println("    file:   " + p));
                f.shrunk().ifPresent(sh -> {
                    o.println("    shrunk: " + sh.file() + " (" + sh.timelineItems() + " timeline items, " + sh.nodes()
                            + " nodes, " + sh.runs() + " runs to shrink)");
                    o.println("    replay: ./flotilla chaos " + sh.file() + " --replay");
                });
            }
            if (s.failures().size() > 10) {
                o.println("  ... and " + (s.failures().size() - 10) + " more under " + out);
            }
        }
    }

    private ObjectNode json(CampaignResult result, FaultMix mix) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("file", file.toString()).put("runs", runs).put("seed", seed).put("faults", kinds(mix)).put("rate", rate)
                .put("passed", result.passed());
        ArrayNode list = root.putArray("strategies");
        for (CampaignResult.StrategySummary s : result.strategies()) {
            ObjectNode n = list.addObject();
            n.put("strategy", name(s.strategy())).put("runs", s.runs()).put("bound", s.bound()).put("replayed", s.replayed());
            ObjectNode injected = n.putObject("faults");
            s.faults().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> injected.put(e.getKey(), e.getValue()));
            ObjectNode counts = n.putObject("failures_by_invariant");
            s.failures().forEach(f -> counts.put(f.violation().invariant(), counts.path(f.violation().invariant()).asInt() + 1));
            ArrayNode failures = n.putArray("failures");
            for (CampaignResult.Failure f : s.failures()) {
                ObjectNode x = failures.addObject().put("run", f.run()).put("seed", f.seed()).put("faults", f.faults());
                violation(x.putObject("violation"), f.violation());
                f.file().ifPresent(p -> x.put("file", p.toString()));
                f.shrunk().ifPresent(sh -> {
                    ObjectNode y = x.putObject("shrunk");
                    y.put("file", sh.file().toString()).put("timeline_items", sh.timelineItems()).put("nodes", sh.nodes())
                            .put("runs", sh.runs()).put("replay", "./flotilla chaos " + sh.file() + " --replay");
                    violation(y.putObject("violation"), sh.violation());
                });
            }
        }
        return root;
    }

    private static void violation(ObjectNode n, Violation v) {
        n.put("invariant", v.invariant()).put("time", io.flotilla.scheduler.time.Durations.format(v.time()))
                .put("seq", v.seq()).put("message", v.message());
    }

    private static String byInvariant(CampaignResult.StrategySummary s) {
        return s.failures().stream().collect(Collectors.groupingBy(f -> f.violation().invariant(), java.util.TreeMap::new,
                Collectors.counting())).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String kinds(FaultMix mix) {
        return mix.weights().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().keyword() + (e.getValue() == 1 ? "" : "=" + e.getValue())).collect(Collectors.joining(","));
    }

    private static String name(Strategy s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
