package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskSecrets;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnallocated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Every change to the manager's tasks goes through here: a step writes the store, logs, and then
 * tells the {@link TaskWatcher}s, as swarmkit's parts learn of task changes by watching the store.
 * The order of what follows a step is part of the simulation's behaviour and is kept exactly:
 * on a node's report the watchers first hear {@code observed}, then the task's addresses are
 * freed and they hear {@code ended}; when the manager shuts a task down itself the addresses are
 * freed first, then they hear {@code shutDown} and {@code ended}. Freed addresses then go to the
 * tasks that wait for one.
 */
final class TaskLifecycle {

    private final ClusterStore store;
    private final EventSink events;
    private final Allocator addresses;
    private final AssignmentOutbox outbox;
    private final ReconcileQueue reconcile;
    private final List<TaskWatcher> watchers = new ArrayList<>();

    TaskLifecycle(ClusterStore store, EventSink events, Allocator addresses, AssignmentOutbox outbox,
            ReconcileQueue reconcile) {
        this.store = store;
        this.events = events;
        this.addresses = addresses;
        this.outbox = outbox;
        this.reconcile = reconcile;
    }

    /** Adds a watcher; it hears every later change after those added before it. */
    void watch(TaskWatcher watcher) {
        watchers.add(watcher);
    }

    /**
     * A node says where a task is: the manager's belief moves forward (a state it has passed is
     * ignored). A task that ended gives its addresses back and gets its service reconciled.
     */
    void observe(String taskId, TaskState state, String message, String error) {
        Optional<Task> found = store.task(taskId);
        if (found.isEmpty() || !found.get().state().canMoveTo(state)) {
            return;
        }
        Task task = found.get().withState(state).withError(error);
        store.put(task);
        events.log(new TaskObserved(taskId, state, message));
        watchers.forEach(w -> w.observed(task));
        if (state.isTerminal()) {
            boolean released = addresses.taskEnded(taskId);
            watchers.forEach(w -> w.ended(task));
            reconcile.add(task.service());
            if (released) {
                retryAllocation();
            }
        }
    }

    /**
     * A new task for the slot ({@code node} for a global task): allocated and pending at once, or,
     * when an overlay network has no address left, new with the allocator's error until
     * {@link #retryAllocation} gets it one.
     */
    Task create(ServiceRecord service, int slot, String node, TaskState desired) {
        String name = service.taskName(slot, node);
        Task task = new Task(store.nextTaskId(name), name, service.name(), slot, service.version,
                service.spec.task(), node, TaskState.NEW, desired, null);
        store.put(task);
        Optional<String> failure = addresses.taskCreated(task.id(), task.spec());
        SortedMap<String, String> allocated = addresses.addressesOf(task.id());
        events.log(new TaskCreated(task.id(), name, service.workload(), slot, node, service.version,
                task.spec().image(), desired, allocated));
        allocated.forEach((network, address) -> events.log(new TaskAddressed(task.id(), network, address)));
        events.log(new TaskStateChanged(task.id(), node, TaskState.NEW, "created", null));
        TaskSecrets.of(task.id(), task.spec()).ifPresent(events::log);
        if (failure.isPresent()) {
            Task unallocated = task.withError(failure.get());
            store.put(unallocated);
            events.log(new TaskUnallocated(task.id(), failure.get()));
            return unallocated;
        }
        return allocated(task);
    }

    /**
     * Addresses came back: tasks that waited for one get theirs, oldest first, and go on to
     * pending, as swarmkit's allocator retries its unallocated tasks.
     */
    private void retryAllocation() {
        for (String taskId : addresses.retryWaiting()) {
            Task task = store.task(taskId).orElseThrow().withError(null);
            store.put(task);
            addresses.addressesOf(taskId).forEach((network, address) -> events.log(new TaskAddressed(taskId, network, address)));
            allocated(task);
        }
    }

    private Task allocated(Task task) {
        Task pending = advance(task, TaskState.PENDING, "pending task scheduling");
        watchers.forEach(w -> w.created(pending));
        return pending;
    }

    /** The scheduler placed the task on {@code node}: the node will hear of it. */
    void assign(Task task, String node, String message) {
        Task assigned = task.assignedTo(node);
        store.put(assigned);
        events.log(new TaskStateChanged(assigned.id(), node, TaskState.ASSIGNED, message, null));
        events.log(new TaskObserved(assigned.id(), TaskState.ASSIGNED, message));
        outbox.changed(assigned);
    }

    /**
     * The manager wants another state for the task. A task no node has heard of yet is shut down
     * by the manager itself; otherwise its node is told.
     */
    void setDesired(Task task, TaskState desired, String reason) {
        if (task.desired() == desired) {
            return;
        }
        Task next = task.withDesired(desired);
        store.put(next);
        events.log(new TaskDesired(task.id(), desired, reason));
        watchers.forEach(w -> w.desiredChanged(next));
        if (desired.compareTo(TaskState.RUNNING) > 0 && next.state().compareTo(TaskState.ASSIGNED) < 0) {
            // Never reached a node: the manager stops it itself.
            shutDown(next, "shutdown");
            return;
        }
        outbox.changed(next);
    }

    /** The manager shuts down a task no node has run: the state is both truth and belief. */
    void shutDown(Task task, String message) {
        Task next = advance(task, TaskState.SHUTDOWN, message);
        boolean released = addresses.taskEnded(task.id());
        watchers.forEach(w -> w.shutDown(next));
        watchers.forEach(w -> w.ended(next));
        if (released) {
            retryAllocation();
        }
    }

    /** A manager-side state change is both truth and belief. */
    private Task advance(Task task, TaskState state, String message) {
        Task next = task.withState(state);
        store.put(next);
        events.log(new TaskStateChanged(task.id(), task.node(), state, message, null));
        events.log(new TaskObserved(task.id(), state, message));
        return next;
    }
}
