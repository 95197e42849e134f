package io.flotilla.scenarios.run;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.sim.dataplane.DataPlaneSettings.RequestProbe;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the command line may override for one run, which tasks' placements to explain, and which
 * client's request (the first it sends at or after a moment) to follow through the data plane.
 */
public record RunOptions(Optional<Strategy> strategy, OptionalLong seed, Set<String> explainTasks,
        Optional<RequestProbe> explainRequest) {

    public static final RunOptions DEFAULT = new RunOptions(Optional.empty(), OptionalLong.empty(), Set.of());

    /** Options that follow no request. */
    public RunOptions(Optional<Strategy> strategy, OptionalLong seed, Set<String> explainTasks) {
        this(strategy, seed, explainTasks, Optional.empty());
    }
}
