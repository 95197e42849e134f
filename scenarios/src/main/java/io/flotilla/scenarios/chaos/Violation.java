package io.flotilla.scenarios.chaos;

import io.flotilla.scheduler.time.Durations;

/** An invariant that broke: which, at what virtual time, after which event ({@code seq}, -1 at the end), and how. */
public record Violation(String invariant, long time, long seq, String message) {

    /** {@code reserved-resources at 1m2s: worker-1 holds ...}. */
    public String describe() {
        return invariant + " at " + Durations.format(time) + ": " + message;
    }
}
