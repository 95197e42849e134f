package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Strategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A chaos campaign: {@code runs} schedules drawn from {@code seed} with {@code mix}, each run
 * under every strategy of {@code strategies}; failing runs are written under {@code out} (none
 * when empty) and the first of each strategy shrunk in at most {@code shrinkBudget} runs.
 */
public record CampaignOptions(int runs, long seed, FaultMix mix, List<Strategy> strategies, Optional<Path> out,
        int shrinkBudget) {

    public CampaignOptions {
        strategies = List.copyOf(strategies);
    }
}
