package io.flotilla.scenarios.run;

import io.flotilla.sim.kernel.EventLog;

/**
 * Told how far a run has got, between steps of virtual time, for a progress line. A run given
 * {@link #NONE} is not cut into steps at all; one given a listener is run step by step, which
 * changes nothing in its log (every event at or before a step's end is processed before the next
 * step starts, as in one call).
 */
@FunctionalInterface
public interface RunProgress {

    RunProgress NONE = (now, until, log) -> { };

    /** The run has simulated up to virtual {@code now} of {@code until}; {@code log} holds its events so far. */
    void reached(long now, long until, EventLog log);
}
