package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
import java.util.Optional;

/**
 * A task's state only moves forward, both what is true ({@code task.state}) and what the manager
 * believes ({@code task.observed}): swarmkit's task state is a Lamport clock. Under the kubernetes
 * strategy a pod's container may start again in place after it stopped (the kubelet's restart
 * policy {@code Always}, also after its node reboots): a step from a stopped state back to
 * accepted..running is such a restart, and only that; the API server may learn of the restart
 * without the stop (a status post comes only every 10s), so in the manager's record the step may
 * start from any state from accepted on. A stopped pod's container may also be relabelled from one
 * stopped state to another (failed, then shutdown when its eviction deletes it): both are stopped.
 * Hearing the same state twice is no step.
 */
public final class ForwardOnly implements Invariant {

    public static final String NAME = "forward-only";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> before(ChaosState state, LoggedEvent next) {
        if (next.event() instanceof TaskStateChanged e) {
            return check(state, e.task(), e.state(), "really");
        } else if (next.event() instanceof TaskObserved e) {
            return check(state, e.task(), e.state(), "in the manager's record");
        }
        return Optional.empty();
    }

    private static Optional<String> check(ChaosState state, String task, TaskState next, String where) {
        Optional<TaskView> t = state.view().task(task);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        TaskState before = where.equals("really") ? t.get().state() : t.get().believed();
        boolean isFirst = before == TaskState.NEW && next == TaskState.NEW;
        if (isFirst || next.compareTo(before) >= 0) {
            return Optional.empty();
        }
        boolean kubernetes = state.strategy() == Strategy.KUBERNETES;
        boolean stopped = before.isTerminal() || (!where.equals("really") && before.compareTo(TaskState.ACCEPTED) >= 0);
        boolean restartInPlace = kubernetes && stopped && ChaosState.holds(next);
        boolean relabelled = kubernetes && before.isTerminal() && next.isTerminal();
        if (restartInPlace || relabelled) {
            return Optional.empty();
        }
        return Optional.of(task + " went back " + where + " from " + before.lowerName() + " to " + next.lowerName());
    }
}
