package io.flotilla.scenarios.model;

/** One timeline item: at virtual time {@code at} (nanoseconds from the start), do {@code action}. */
public record TimelineItem(long at, Action action, SourcePos pos) {}
