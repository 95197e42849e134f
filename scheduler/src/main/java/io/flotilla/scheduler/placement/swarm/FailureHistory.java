package io.flotilla.scheduler.placement.swarm;

import java.util.List;

/**
 * Recent FAILED or REJECTED ends of tasks, which the caller records when it sees them (swarmkit's
 * {@code NodeInfo.taskFailed}); like swarmkit, it should leave out preassigned (global) tasks. A node
 * with at least {@link #MAX_FAILURES} failures of a (service, spec version) within
 * {@link #MONITOR_NANOS} before now is ranked last for that service version.
 */
public record FailureHistory(List<Failure> failures) {

    /** swarmkit {@code monitorFailures}: 5 minutes. */
    public static final long MONITOR_NANOS = 5L * 60 * 1_000_000_000L;

    /** swarmkit {@code maxFailures}. */
    public static final int MAX_FAILURES = 5;

    public static final FailureHistory NONE = new FailureHistory(List.of());

    public FailureHistory {
        failures = List.copyOf(failures);
    }

    /** A task of {@code service} at {@code specVersion} failed on {@code node} at virtual time {@code atNanos}. */
    public record Failure(String node, String service, int specVersion, long atNanos) {}
}
