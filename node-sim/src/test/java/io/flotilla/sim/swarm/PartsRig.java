package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * The task side of the control plane without the dispatcher, the scheduler or any node: the
 * store, {@link TaskLifecycle}, the restart supervisor and the orchestrator on a virtual clock.
 * Reconciles run when a test asks; what the parts queue for reconciling and send to nodes is
 * written down instead.
 */
final class PartsRig {

    final VirtualClock clock = new VirtualClock();
    final ClusterStore store = new ClusterStore();
    /** Reconciles asked for: a service name, or {@code *} for every service. */
    final List<String> queued = new ArrayList<>();
    /** Tasks whose node was to hear of a change, in order. */
    final List<Task> sent = new ArrayList<>();
    final TaskLifecycle tasks;
    final RestartSupervisor restarts;
    final Orchestrator orchestrator;

    PartsRig() {
        ReconcileQueue queue = new ReconcileQueue() {
            @Override
            public void add(String service) {
                queued.add(service);
            }

            @Override
            public void addAll() {
                queued.add("*");
            }
        };
        tasks = new TaskLifecycle(store, clock, new Allocator(List.of()), sent::add, queue);
        restarts = new RestartSupervisor(store, tasks, clock);
        orchestrator = new Orchestrator(store, tasks, restarts, queue);
        tasks.watch(restarts);
        clock.onTimer(timer -> {
            if (timer instanceof ControlTimer.StartReplacement s) {
                restarts.startReplacement(s.taskId());
            }
        });
    }

    void reconcile(String service) {
        orchestrator.reconcile(store.services.get(service));
    }

    /** Every task that has not ended, and is meant to run, is running on its node (as its node reports). */
    void runAll() {
        for (Task t : List.copyOf(store.tasks())) {
            if (!t.state().isTerminal() && t.desired() == TaskState.RUNNING && t.isAssigned()) {
                tasks.observe(t.id(), TaskState.RUNNING, "started", null);
            }
        }
    }

    Task task(String id) {
        return store.task(id).orElseThrow();
    }
}
