package io.flotilla.scenarios.output;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.util.List;

/**
 * The slots a run's summary and its JSON list at the end. A class of its own: the text summary
 * should not load the JSON writer and, with it, Jackson's databind.
 */
final class LiveSlots {

    private LiveSlots() {}

    /**
     * The newest task of every slot that still exists: under the kubernetes strategy a deleted pod
     * is gone once its kubelet confirmed that it stopped (the manager recorded {@code shutdown}), as
     * a Swarm slot removed by a scale-down is once its task stopped.
     */
    static List<TaskView> newestTasks(RunResult run, ClusterView view) {
        boolean kubernetes = run.strategy() == Strategy.KUBERNETES;
        return view.newestTasks().stream()
                .filter(t -> !(kubernetes && t.desired() == TaskState.SHUTDOWN && t.believed() == TaskState.SHUTDOWN))
                .toList();
    }
}
