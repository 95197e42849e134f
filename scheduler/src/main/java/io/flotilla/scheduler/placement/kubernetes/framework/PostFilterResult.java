package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.Nomination;
import java.util.Optional;

/** What a PostFilter plugin found: a nomination, or why there is none (empty when it has nothing to say). */
public record PostFilterResult(Optional<Nomination> nomination, String message) {}
