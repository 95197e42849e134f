package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.placement.swarm.Constraint;
import io.flotilla.scheduler.placement.swarm.FailureHistory;
import io.flotilla.scheduler.placement.swarm.PlacementRequest;
import io.flotilla.scheduler.placement.swarm.PlacementResult;
import io.flotilla.scheduler.placement.swarm.SwarmPlacement;
import io.flotilla.sim.events.TaskExplained;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnplaced;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs swarmkit's scheduler over the pending tasks, debounced as upstream does: a pass runs 50ms
 * after the last change, but no later than 1s after the first one.
 */
final class SchedulerLoop {

    private static final long DEBOUNCE_NANOS = 50_000_000L;
    private static final long MAX_LATENCY_NANOS = 1_000_000_000L;

    private final ControlPlane plane;
    private final Set<String> explainNames;
    private final SwarmPlacement placement = new SwarmPlacement();
    /** Failures within swarmkit's monitor window, oldest first, for the faulty-node ranking. */
    private final ArrayDeque<FailureHistory.Failure> failures = new ArrayDeque<>();
    private long firstRequest = -1;
    /** Whether the last pass left a task unplaced, which a node update or freed resources may now let in. */
    private boolean waiting;

    SchedulerLoop(ControlPlane plane, Set<String> explainNames) {
        this.plane = plane;
        this.explainNames = Set.copyOf(explainNames);
    }

    void requestTick() {
        long now = plane.effects.now();
        if (firstRequest < 0) {
            firstRequest = now;
        }
        long due = Math.min(now + DEBOUNCE_NANOS, firstRequest + MAX_LATENCY_NANOS);
        plane.effects.startTimer(ControlTimer.SchedulerTick.INSTANCE, due - now);
    }

    /**
     * Remembers failures for the faulty-node ranking. A task that ends on a node gives its
     * resources back, so a task left unplaced gets another pass (swarmkit's scheduler ticks
     * when a task goes past RUNNING).
     */
    void taskChanged(Task task) {
        if ((task.state() == TaskState.FAILED || task.state() == TaskState.REJECTED) && task.isAssigned() && task.slot() > 0) {
            failures.addLast(new FailureHistory.Failure(task.node(), task.service(), task.specVersion(), plane.effects.now()));
        }
        if (waiting && task.state().isTerminal() && task.isAssigned()) {
            requestTick();
        }
    }

    /** A node's availability changed: swarmkit's scheduler ticks on every node update. */
    void nodeChanged() {
        if (waiting) {
            requestTick();
        }
    }

    /** Whether a global service's constraints admit the node (they were validated at load time). */
    boolean constraintsMatch(TaskSpec spec, NodeSpec node) {
        return Constraint.matchAll(Constraint.parse(spec.placement().constraints()).constraints(), node, node.role());
    }

    void tick() {
        firstRequest = -1;
        long now = plane.effects.now();
        while (!failures.isEmpty() && failures.peekFirst().atNanos() < now - FailureHistory.MONITOR_NANOS) {
            failures.removeFirst();
        }
        List<Task> tasks = List.copyOf(plane.store.tasks());
        Set<String> explain = new LinkedHashSet<>();
        for (Task t : tasks) {
            if (t.state() == TaskState.PENDING && explainNames.contains(t.name())) {
                explain.add(t.id());
            }
        }
        PlacementResult result = placement.place(
                new PlacementRequest(plane.store.nodeSnapshots(), tasks, now, new FailureHistory(List.copyOf(failures)), explain));
        for (var a : result.assignments()) {
            Task task = plane.store.task(a.taskId()).orElseThrow().assignedTo(a.node());
            plane.store.put(task);
            plane.effects.log(new TaskStateChanged(task.id(), task.node(), TaskState.ASSIGNED, a.message(), null));
            plane.effects.log(new TaskObserved(task.id(), TaskState.ASSIGNED, a.message()));
            plane.sendLater(task);
        }
        for (String id : result.shutDown()) {
            plane.advance(plane.store.task(id).orElseThrow(), TaskState.SHUTDOWN, "shutdown before assignment");
        }
        waiting = !result.unplaced().isEmpty();
        for (var u : result.unplaced()) {
            Task task = plane.store.task(u.taskId()).orElseThrow();
            if (!Objects.equals(task.error(), u.error())) {
                plane.store.put(task.withError(u.error()));
                plane.effects.log(new TaskUnplaced(task.id(), u.error()));
            }
        }
        for (var e : result.explanations()) {
            Task task = plane.store.task(e.taskId()).orElseThrow();
            plane.effects.log(new TaskExplained(task.id(), task.name(), e.chosen().orElse(null),
                    task.error(),
                    e.nodes().stream()
                            .map(v -> new TaskExplained.Verdict(v.node(), v.feasible(), v.reason(), v.rankingKeys()))
                            .toList()));
        }
    }
}
