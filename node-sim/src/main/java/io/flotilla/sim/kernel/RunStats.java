package io.flotilla.sim.kernel;

/**
 * How much work a simulation has done so far: {@code tasksRun} mailbox runs (roughly one per
 * message processed) and {@code timersFired} timer firings, timeline actions included, and so are
 * the firings of ticks armed again or disarmed since (see {@link VirtualTimeScheduler#arm}), which
 * do nothing.
 */
public record RunStats(long tasksRun, long timersFired) {}
