package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.orchestrator.RestartRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Swarmkit's restart supervisor ({@code orchestrator/restart}): a stopped task's slot gets a
 * new task at once, held at READY until the restart delay has passed and the old task has
 * stopped (or its node is down or gone, or a minute went by); then it is told to run. It hears
 * of ended tasks as a {@link TaskWatcher} and of lost nodes as {@link NodeEvents}.
 *
 * <p>A task that stops while it is itself a replacement still in its restart delay (a task
 * rejected because its image cannot be pulled is rejected at once) is not replaced at once: its
 * restart waits for its own delay to end, then it is let run, as every delayed task is, and
 * replaced ({@code Restart}'s "wait for its restart delay to elapse, to avoid tight restart
 * loops", {@code waitRestart}). So a slot whose image is missing gets a new task every restart
 * delay, not a storm of them.
 */
final class RestartSupervisor implements TaskWatcher, NodeEvents {

    private final ClusterStore store;
    private final TaskLifecycle tasks;
    private final Timers timers;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    /**
     * How many of {@link #waiting} have had their delay pass: only those wait for their old task's
     * end or node, so with none a task's end or a lost node looks at no waiting replacement.
     */
    private int delayOverCount;
    /** Restart times per slot and spec version, for max_attempts and window. */
    private final Map<String, List<Long>> history = new HashMap<>();
    /** Replacements that stopped during their own delay, and why: restarted once it is over. */
    private final Map<String, String> restartAfterDelay = new LinkedHashMap<>();

    /** A replacement held back: the task it waits to stop, if any, and whether its delay has passed. */
    private record Waiting(Optional<String> oldTaskId, boolean delayOver) {}

    RestartSupervisor(ClusterStore store, TaskLifecycle tasks, Timers timers) {
        this.store = store;
        this.tasks = tasks;
        this.timers = timers;
    }

    /** Stops the task and, if its restart policy allows, puts a replacement in its slot. */
    void restart(Task task, String reason) {
        if (task.desired().compareTo(TaskState.RUNNING) > 0) {
            return;
        }
        if (waiting.containsKey(task.id())) {
            restartAfterDelay.putIfAbsent(task.id(), reason);
            return;
        }
        tasks.setDesired(task, TaskState.SHUTDOWN, reason);
        ServiceRecord service = store.services.get(task.service());
        if (service == null) {
            return;
        }
        NodeRecord node = task.isAssigned() ? store.nodes.get(task.node()) : null;
        if (service.spec.mode() == ServiceMode.GLOBAL && node != null && node.availability() == Availability.PAUSE) {
            // Swarmkit's global orchestrator (tickTasks) shuts a stopped task on a paused node
            // down for good; the node gets a new task once it is active again.
            store.stoppedForNode.add(task.id());
            return;
        }
        var policy = service.spec.task().restartPolicy();
        long now = timers.now();
        List<Long> earlier = history.computeIfAbsent(task.service() + "/" + ClusterStore.slotKey(task) + "/" + service.version,
                k -> new ArrayList<>());
        if (!RestartRules.shouldRestart(policy, task.state(), now, earlier)) {
            return;
        }
        earlier.add(now);
        boolean drained = node != null && node.availability() == Availability.DRAIN;
        Task replacement = tasks.create(service, task.slot(), task.slot() > 0 ? null : task.node(), TaskState.READY);
        delayStart(replacement, Optional.of(task), RestartRules.delay(policy, drained));
    }

    /** Lets {@code replacement} run once {@code delay} has passed and {@code old}, if any, has stopped. */
    void delayStart(Task replacement, Optional<Task> old, long delay) {
        await(replacement.id(), new Waiting(old.map(Task::id), false));
        timers.start(new ControlTimer.StartReplacement(replacement.id()), delay);
    }

    /** The manager saw a task stop: restart it if it was meant to run, and release whoever waited on it. */
    @Override
    public void ended(Task task) {
        // Read again: the updater may have replaced the task in the same step (a rollback does).
        Task current = store.task(task.id()).orElse(task);
        if (current.desired().compareTo(TaskState.RUNNING) <= 0) {
            restart(current, "task " + current.state().lowerName());
        }
        if (delayOverCount == 0) {
            return;
        }
        waiting.entrySet().stream()
                .filter(e -> e.getValue().oldTaskId().equals(Optional.of(task.id())) && e.getValue().delayOver())
                .map(Map.Entry::getKey)
                .toList()
                .forEach(this::start);
    }

    void startReplacement(String taskId) {
        Waiting w = waiting.get(taskId);
        if (w == null) {
            return;
        }
        if (w.delayOver() || oldHasStopped(w.oldTaskId())) {
            start(taskId);
        } else {
            await(taskId, new Waiting(w.oldTaskId(), true));
            timers.start(new ControlTimer.StartReplacement(taskId), RestartRules.STOP_WAIT_NANOS);
        }
    }

    /**
     * The node is down or gone: whoever waited for one of its tasks to stop waits no more
     * (swarmkit's {@code DelayStart} also watches the old task's node for DOWN or deletion).
     */
    @Override
    public void nodeLost(String node, String reason) {
        if (delayOverCount == 0) {
            return;
        }
        waiting.entrySet().stream()
                .filter(e -> e.getValue().delayOver() && e.getValue().oldTaskId().flatMap(store::task)
                        .filter(old -> node.equals(old.node())).isPresent())
                .map(Map.Entry::getKey)
                .toList()
                .forEach(this::start);
    }

    private boolean oldHasStopped(Optional<String> oldTaskId) {
        return oldTaskId.flatMap(store::task)
                .map(old -> old.state().isTerminal()
                        || !old.isAssigned()
                        || !store.nodes.containsKey(old.node())
                        || store.nodes.get(old.node()).status() == NodeStatus.DOWN)
                .orElse(true);
    }

    /** Puts or replaces the replacement's entry; a replaced entry keeps its place in the order. */
    private void await(String taskId, Waiting w) {
        Waiting before = waiting.put(taskId, w);
        delayOverCount += (w.delayOver() ? 1 : 0) - (before != null && before.delayOver() ? 1 : 0);
    }

    private void start(String taskId) {
        Waiting before = waiting.remove(taskId);
        if (before != null && before.delayOver()) {
            delayOverCount--;
        }
        timers.cancel(new ControlTimer.StartReplacement(taskId));
        store.task(taskId)
                .filter(t -> t.desired() == TaskState.READY)
                .ifPresent(t -> tasks.setDesired(t, TaskState.RUNNING, "ready to start"));
        String reason = restartAfterDelay.remove(taskId);
        if (reason != null) {
            store.task(taskId).ifPresent(t -> restart(t, reason));
        }
    }
}
