package io.flotilla.scenarios.run;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.sim.dataplane.DataPlaneSettings.RequestProbe;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the command line may override for one run, which tasks' placements to explain, which
 * client's request (the first it sends at or after a moment) to follow through the data plane, and
 * whether to log every served request ({@code accessLog}, what the containers' logs are made of).
 */
public record RunOptions(Optional<Strategy> strategy, OptionalLong seed, Set<String> explainTasks,
        Optional<RequestProbe> explainRequest, boolean accessLog) {

    public static final RunOptions DEFAULT = new RunOptions(Optional.empty(), OptionalLong.empty(), Set.of());

    /** Options that follow no request. */
    public RunOptions(Optional<Strategy> strategy, OptionalLong seed, Set<String> explainTasks) {
        this(strategy, seed, explainTasks, Optional.empty());
    }

    /** Options that log no request one by one but the one followed. */
    public RunOptions(Optional<Strategy> strategy, OptionalLong seed, Set<String> explainTasks,
            Optional<RequestProbe> explainRequest) {
        this(strategy, seed, explainTasks, explainRequest, false);
    }

    /** The same options, logging every served request. */
    public RunOptions withAccessLog() {
        return new RunOptions(strategy, seed, explainTasks, explainRequest, true);
    }
}
