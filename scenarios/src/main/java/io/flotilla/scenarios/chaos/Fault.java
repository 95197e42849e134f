package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Action;

/** One drawn fault: at virtual {@code at}, do {@code action}; a timeline item before it is written. */
public record Fault(long at, FaultKind kind, Action action) {}
