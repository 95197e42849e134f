package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Strategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a campaign found, per strategy. */
public record CampaignResult(List<StrategySummary> strategies) {

    public CampaignResult {
        strategies = List.copyOf(strategies);
    }

    public boolean passed() {
        return strategies.stream().allMatch(s -> s.failures().isEmpty());
    }

    /**
     * One strategy's share: how many runs, how many faults of each kind they injected, the runs that
     * broke an invariant, how many runs were made twice to compare their bytes, and the strategy's
     * convergence bound for the base scenario.
     */
    public record StrategySummary(Strategy strategy, int runs, Map<String, Integer> faults, List<Failure> failures,
            int replayed, String bound) {
        public StrategySummary {
            faults = Map.copyOf(faults);
            failures = List.copyOf(failures);
        }
    }

    /**
     * A run that broke an invariant: its index and seed, the violation, the file that reproduces it
     * and, for the first of its strategy, the shrunk file, its violation and how many faults are left.
     */
    public record Failure(int run, long seed, int faults, Violation violation, Optional<Path> file, Optional<Shrunk> shrunk) {}

    /** The shrunk reproduction. */
    public record Shrunk(Path file, Violation violation, int timelineItems, int nodes, int runs) {}
}
