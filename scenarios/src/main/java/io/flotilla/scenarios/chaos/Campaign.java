package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scheduler.time.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Runs a chaos campaign: for each run, a seed from the campaign's seed, a schedule drawn from it
 * over the base scenario's time (its {@code until}), written into the base's timeline; the run
 * goes on for the strategy's {@linkplain ConvergenceBound convergence bound} after that, so the
 * last disturbance is judged too. Each run is checked under every strategy. The first run of each
 * strategy and the first failing one are made twice and their logs compared ({@code
 * same-seed-same-bytes}). A failing run is written out as a standalone scenario and the first of
 * each strategy shrunk.
 */
public final class Campaign {

    /** The name of the run-level invariant: the same file and seed give the same log, byte for byte. */
    public static final String SAME_BYTES = "same-seed-same-bytes";

    /** Told after every run, for progress. */
    public interface Listener {
        Listener NONE = (run, runs) -> {};

        void finished(int run, int runs);
    }

    private Campaign() {}

    /** The seed of run {@code index} of a campaign with {@code seed}. */
    public static long runSeed(long seed, int index) {
        return new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)).nextInt(1_000_000_000);
    }

    public static CampaignResult run(ChaosDocument base, Scenario baseScenario, CampaignOptions options, Listener listener)
            throws IOException {
        Map<Strategy, Accumulator> acc = new LinkedHashMap<>();
        for (Strategy s : options.strategies()) {
            acc.put(s, new Accumulator(ConvergenceBound.of(baseScenario, s).describe()));
        }
        long window = baseScenario.until();
        for (int i = 0; i < options.runs(); i++) {
            long seed = runSeed(options.seed(), i);
            List<Fault> faults = ScheduleDrawer.draw(baseScenario, options.mix(), window, new SplittableRandom(seed));
            for (Strategy strategy : options.strategies()) {
                Accumulator a = acc.get(strategy);
                ChaosDocument doc = documentFor(base, seed, strategy, window, faults);
                Scenario scenario = parse(doc, baseScenario.name()).orElseThrow(() -> new IllegalStateException(
                        "a drawn schedule did not parse:\n" + doc.text()));
                a.runs++;
                faults.forEach(f -> a.faults.merge(f.kind().keyword(), 1, Integer::sum));
                CheckedRun checked = CheckedRun.of(scenario, strategy);
                Optional<Violation> violation = checked.violation();
                if (a.runs == 1 || (violation.isPresent() && a.failures.isEmpty())) {
                    a.replayed++;
                    CheckedRun again = CheckedRun.of(scenario, strategy);
                    if (!again.digest().equals(checked.digest())) {
                        violation = Optional.of(new Violation(SAME_BYTES, scenario.until(), -1,
                                "two runs of the same file and seed gave different logs (" + checked.events() + " and "
                                        + again.events() + " events)"));
                    }
                }
                if (violation.isPresent()) {
                    a.failures.add(failure(doc, scenario, strategy, i, seed, faults.size(), violation.get(), options,
                            a.failures.isEmpty()));
                }
            }
            listener.finished(i + 1, options.runs());
        }
        List<CampaignResult.StrategySummary> summaries = new ArrayList<>();
        acc.forEach((s, a) -> summaries.add(new CampaignResult.StrategySummary(s, a.runs, a.faults, a.failures, a.replayed, a.bound)));
        return new CampaignResult(summaries);
    }

    /** The file of one run: the base, its seed and strategy, its end, and its faults appended to the timeline. */
    static ChaosDocument documentFor(ChaosDocument base, long seed, Strategy strategy, long window, List<Fault> faults) {
        ChaosDocument draft = base.forRun(seed, strategy, window + 10 * Durations.HOUR, faults);
        Scenario parsed = parse(draft, "draft").orElseThrow(() -> new IllegalStateException(
                "a drawn schedule did not parse:\n" + draft.text()));
        long bound = ConvergenceBound.of(parsed, strategy).total();
        return base.forRun(seed, strategy, window + bound + Durations.SECOND, faults);
    }

    static Optional<Scenario> parse(ChaosDocument doc, String name) {
        ParseOutcome outcome = doc.parse(name + ".yaml");
        return outcome.problems().isEmpty() ? outcome.scenario() : Optional.empty();
    }

    private static CampaignResult.Failure failure(ChaosDocument doc, Scenario scenario, Strategy strategy, int run, long seed,
            int faults, Violation violation, CampaignOptions options, boolean shrink) throws IOException {
        Optional<Path> file = Optional.empty();
        Optional<CampaignResult.Shrunk> shrunk = Optional.empty();
        if (options.out().isPresent()) {
            Path dir = options.out().get();
            Files.createDirectories(dir);
            String stem = scenario.name() + "-" + strategy.name().toLowerCase(Locale.ROOT) + "-run" + run + "-seed" + seed;
            Path written = dir.resolve(stem + ".yaml");
            write(written, doc, header(violation, strategy, "run " + run + " of the campaign, seed " + seed, written));
            file = Optional.of(written);
            if (shrink && !violation.invariant().equals(SAME_BYTES)) {
                Shrinker.Shrunk s = Shrinker.shrink(doc, strategy, violation, options.shrinkBudget());
                Path small = dir.resolve(stem + "-shrunk.yaml");
                write(small, s.document(), header(s.violation(), strategy,
                        "shrunk from " + written.getFileName() + " in " + s.runs() + " runs", small));
                Scenario left = parse(s.document(), "shrunk").orElseThrow();
                shrunk = Optional.of(new CampaignResult.Shrunk(small, s.violation(), left.timeline().size(),
                        left.nodes().size(), s.runs()));
            }
        }
        return new CampaignResult.Failure(run, seed, faults, violation, file, shrunk);
    }

    private static String header(Violation v, Strategy strategy, String origin, Path file) {
        return "# chaos: " + origin + ", under " + strategy.name().toLowerCase(Locale.ROOT) + "\n"
                + "# broke " + v.describe().replace("\n", " ") + "\n"
                + "# replay: ./flotilla chaos " + file + " --replay\n";
    }

    private static void write(Path file, ChaosDocument doc, String header) throws IOException {
        Files.writeString(file, header + doc.text(), StandardCharsets.UTF_8);
    }

    private static final class Accumulator {
        final String bound;
        int runs;
        int replayed;
        final Map<String, Integer> faults = new TreeMap<>();
        final List<CampaignResult.Failure> failures = new ArrayList<>();

        Accumulator(String bound) {
            this.bound = bound;
        }
    }
}
