package io.flotilla.scenarios.run;

import io.flotilla.scenarios.model.Strategy;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** What the command line may override for one run, and which tasks' placements to explain. */
public record RunOptions(Optional<Strategy> strategy, OptionalLong seed, Set<String> explainTasks) {

    public static final RunOptions DEFAULT = new RunOptions(Optional.empty(), OptionalLong.empty(), Set.of());
}
