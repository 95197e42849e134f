package io.flotilla.scheduler.placement.kubernetes;

import java.util.Optional;

/** What a PostFilter plugin found: a nomination, or why there is none (empty when it has nothing to say). */
record PostFilterResult(Optional<Nomination> nomination, String message) {}
