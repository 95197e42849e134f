package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.placement.swarm.FailureHistory;
import io.flotilla.scheduler.placement.swarm.PlacementRequest;
import io.flotilla.scheduler.placement.swarm.PlacementResult;
import io.flotilla.scheduler.placement.swarm.SwarmPlacement;
import io.flotilla.sim.events.TaskExplained;
import io.flotilla.sim.events.TaskUnplaced;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs swarmkit's scheduler over the pending tasks, debounced as upstream does: a pass runs 50ms
 * after the last change, but no later than 1s after the first one. Task and node changes reach it
 * as a {@link TaskWatcher} and as {@link NodeEvents}; it assigns tasks through {@link TaskLifecycle}.
 */
final class SchedulerLoop implements TaskWatcher, NodeEvents {

    private static final long DEBOUNCE_NANOS = 50_000_000L;
    private static final long MAX_LATENCY_NANOS = 1_000_000_000L;

    private final ClusterStore store;
    private final TaskLifecycle tasks;
    private final Timers timers;
    private final EventSink events;
    private final Set<String> explainNames;
    private final SwarmPlacement placement = new SwarmPlacement();
    /** Failures within swarmkit's monitor window, oldest first, for the faulty-node ranking. */
    private final ArrayDeque<FailureHistory.Failure> failures = new ArrayDeque<>();
    private long firstRequest = -1;
    /** Whether the last pass left a task unplaced, which a node update or freed resources may now let in. */
    private boolean waiting;

    SchedulerLoop(ClusterStore store, TaskLifecycle tasks, Timers timers, EventSink events, Set<String> explainNames) {
        this.store = store;
        this.tasks = tasks;
        this.timers = timers;
        this.events = events;
        this.explainNames = Set.copyOf(explainNames);
    }

    @Override
    public void created(Task task) {
        requestTick();
    }

    /**
     * Remembers a failure for the faulty-node ranking when the task's state moves to FAILED or
     * REJECTED: once, as swarmkit's {@code updateTask} counts the change of state and then forgets
     * the task (the orchestrator's shutdown of it that follows is not another failure).
     */
    @Override
    public void observed(Task task) {
        if ((task.state() == TaskState.FAILED || task.state() == TaskState.REJECTED) && task.isAssigned() && task.slot() > 0) {
            failures.addLast(new FailureHistory.Failure(task.node(), task.service(), task.specVersion(), timers.now()));
        }
        resourcesMayBeFree(task);
    }

    @Override
    public void desiredChanged(Task task) {
        resourcesMayBeFree(task);
    }

    @Override
    public void nodeReady(String node) {
        requestTick();
    }

    /** swarmkit's scheduler ticks on every node update; here only when a task waits for a node. */
    @Override
    public void availabilityChanged(String node, Availability availability) {
        if (waiting) {
            requestTick();
        }
    }

    @Override
    public void tasksOrphaned(String node) {
        requestTick();
    }

    private void requestTick() {
        long now = timers.now();
        if (firstRequest < 0) {
            firstRequest = now;
        }
        long due = Math.min(now + DEBOUNCE_NANOS, firstRequest + MAX_LATENCY_NANOS);
        timers.start(ControlTimer.SchedulerTick.INSTANCE, due - now);
    }

    /**
     * A task that ends on a node gives its resources back, so a task left unplaced gets another
     * pass (swarmkit's scheduler ticks when a task goes past RUNNING).
     */
    private void resourcesMayBeFree(Task task) {
        if (waiting && task.state().isTerminal() && task.isAssigned()) {
            requestTick();
        }
    }

    void tick() {
        firstRequest = -1;
        long now = timers.now();
        while (!failures.isEmpty() && failures.peekFirst().atNanos() < now - FailureHistory.MONITOR_NANOS) {
            failures.removeFirst();
        }
        List<Task> all = List.copyOf(store.tasks());
        Set<String> explain = new LinkedHashSet<>();
        for (Task t : all) {
            if (t.state() == TaskState.PENDING && explainNames.contains(t.name())) {
                explain.add(t.id());
            }
        }
        PlacementResult result = placement.place(
                new PlacementRequest(store.nodeSnapshots(), all, now, new FailureHistory(List.copyOf(failures)), explain));
        for (var a : result.assignments()) {
            tasks.assign(store.task(a.taskId()).orElseThrow(), a.node(), a.message());
        }
        for (String id : result.shutDown()) {
            tasks.shutDown(store.task(id).orElseThrow(), "shutdown before assignment");
        }
        waiting = !result.unplaced().isEmpty();
        for (var u : result.unplaced()) {
            Task task = store.task(u.taskId()).orElseThrow();
            if (!Objects.equals(task.error(), u.error())) {
                store.put(task.withError(u.error()));
                events.log(new TaskUnplaced(task.id(), u.error()));
            }
        }
        for (var e : result.explanations()) {
            Task task = store.task(e.taskId()).orElseThrow();
            events.log(new TaskExplained(task.id(), task.name(), e.chosen().orElse(null),
                    task.error(),
                    e.nodes().stream()
                            .map(v -> new TaskExplained.Verdict(v.node(), v.feasible(), v.reason(), v.rankingKeys()))
                            .toList()));
        }
    }
}
