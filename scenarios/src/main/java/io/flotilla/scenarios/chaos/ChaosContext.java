package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;

/**
 * What an invariant may know of its run besides the log: the scenario that ran (the base with its
 * fault schedule as the timeline), the strategy, and the {@linkplain ConvergenceBound bound} within
 * which a disturbed service must be back to its desired count.
 */
public record ChaosContext(Scenario scenario, Strategy strategy, long bound) {

    public static ChaosContext of(Scenario scenario, Strategy strategy) {
        return new ChaosContext(scenario, strategy, ConvergenceBound.of(scenario, strategy).total());
    }
}
