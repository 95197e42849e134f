package io.flotilla.scheduler.orchestrator;

import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.TaskState;
import java.util.List;

/** Swarmkit's restart supervisor decisions ({@code orchestrator/restart/restart.go}). */
public final class RestartRules {

    /** How long a replacement waits for the task it replaces to stop ({@code TaskTimeout}). */
    public static final long STOP_WAIT_NANOS = 60_000_000_000L;

    private RestartRules() {}

    /**
     * Whether a task of the slot that ended in {@code endState} at {@code endNanos} gets a
     * replacement. {@code earlierRestarts} are the times of this slot's earlier restarts under
     * the current spec version; with {@code maxAttempts > 0} they count against the limit, and
     * with a window only those within {@code [end - window, end]} count.
     */
    public static boolean shouldRestart(
            RestartPolicy policy, TaskState endState, long endNanos, List<Long> earlierRestarts) {
        switch (policy.condition()) {
            case NONE:
                return false;
            case ON_FAILURE:
                if (endState == TaskState.COMPLETE) {
                    return false;
                }
                break;
            case ANY:
                break;
        }
        if (policy.maxAttempts() == 0) {
            return true;
        }
        long counted = earlierRestarts.stream()
                .filter(t -> policy.windowNanos() == 0 || t >= endNanos - policy.windowNanos())
                .count();
        return counted < policy.maxAttempts();
    }

    /** The restart delay, which swarmkit skips when the task's node is being drained. */
    public static long delay(RestartPolicy policy, boolean nodeDrained) {
        return nodeDrained ? 0 : policy.delayNanos();
    }
}
