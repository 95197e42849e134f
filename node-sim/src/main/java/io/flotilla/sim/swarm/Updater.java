package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.UpdateStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Swarmkit's updater ({@code orchestrator/update/updater.go}): {@code parallelism} workers each
 * take a slot, replace its tasks (stop-first: stop the old, then start the new; start-first:
 * start the new, then stop the old), wait until the new one runs, wait {@code delay}, and take
 * the next. A new task that stops before running, or within {@code monitor} of running, is a
 * failure; above {@code max_failure_ratio} the failure action pauses, continues or rolls back.
 * It follows the tasks it created as a {@link TaskWatcher}; a stop-first replacement waits for
 * the old task through the restart supervisor, as upstream's updater does.
 */
final class Updater implements TaskWatcher {

    private final ClusterStore store;
    private final TaskLifecycle tasks;
    private final RestartSupervisor restarts;
    private final Timers timers;
    private final EventSink events;
    private final ReconcileQueue reconcile;

    Updater(ClusterStore store, TaskLifecycle tasks, RestartSupervisor restarts, Timers timers, EventSink events,
            ReconcileQueue reconcile) {
        this.store = store;
        this.tasks = tasks;
        this.restarts = restarts;
        this.timers = timers;
        this.events = events;
        this.reconcile = reconcile;
    }

    private Optional<NodeSpec> nodeOf(Task task) {
        return task.assignedNode().map(store.nodes::get).map(n -> n.spec);
    }

    void start(ServiceRecord service, UpdateConfig config, boolean rollback) {
        List<String> dirty = dirtySlots(service);
        if (!rollback) {
            status(service, "updating", "update in progress");
        }
        run(service, config, rollback, dirty);
    }

    /**
     * The service changed while an update is on (it was scaled): the update starts over, as a new
     * updater replaces the old, on the slots still dirty; its in-flight tasks are no longer waited for.
     */
    void rerun(ServiceRecord service) {
        RollingUpdate update = active(service);
        if (update != null) {
            for (int w = 0; w < workers(update.config, update.slots.size()); w++) {
                timers.cancel(new ControlTimer.UpdateStep(service.name(), w));
            }
            timers.cancel(new ControlTimer.UpdateMonitorDone(service.name()));
            run(service, update.config, update.rollback, dirtySlots(service));
        }
    }

    private static int workers(UpdateConfig config, int slots) {
        return config.parallelism() == 0 ? slots : Math.min(config.parallelism(), slots);
    }

    /** The service's slots that {@link #isSlotDirty} picks. */
    private List<String> dirtySlots(ServiceRecord service) {
        return store.occupiedSlots(service.name()).stream()
                .map(ClusterStore::slotKey)
                .filter(key -> isSlotDirty(service, store.updatable(service.name(), key)))
                .toList();
    }

    private void run(ServiceRecord service, UpdateConfig config, boolean rollback, List<String> dirty) {
        RollingUpdate update = new RollingUpdate(config, rollback, dirty);
        service.update = Optional.of(update);
        int workers = workers(config, dirty.size());
        if (workers == 0) {
            timers.start(new ControlTimer.UpdateMonitorDone(service.name()), 0);
        }
        for (int w = 0; w < workers; w++) {
            step(service.name(), w);
        }
    }

    void step(String serviceName, int worker) {
        ServiceRecord service = store.services.get(serviceName);
        RollingUpdate update = active(service);
        if (update == null) {
            return;
        }
        while (!update.allStarted()) {
            List<Task> slot = store.updatable(serviceName, update.slots.get(update.next++));
            if (slot.isEmpty()) {
                continue; // scaled away
            }
            Optional<Task> clean = existingClean(service, slot);
            if (clean.isPresent()) {
                // replaced by a restart under the new spec, or by an update this one cut short
                useExisting(slot, clean.get(), update);
                if (update.config.delayNanos() > 0) {
                    timers.start(new ControlTimer.UpdateStep(serviceName, worker), update.config.delayNanos());
                    return;
                }
                continue;
            }
            Task newest = slot.get(slot.size() - 1);
            String node = newest.slot() > 0 ? null : newest.node();
            Task created;
            if (update.config.order() == UpdateConfig.Order.STOP_FIRST) {
                Optional<Task> stopped = shutDown(slot, update);
                created = tasks.create(service, newest.slot(), node, TaskState.READY);
                restarts.delayStart(created, stopped, 0);
            } else {
                created = tasks.create(service, newest.slot(), node, TaskState.RUNNING);
            }
            update.replaces.put(created.id(), slot);
            update.inFlight.put(worker, created.id());
            return;
        }
        if (update.inFlight.isEmpty()) {
            long wait = update.config.delayNanos() >= update.config.monitorNanos()
                    ? update.config.delayNanos() + 1_000_000_000L
                    : update.config.monitorNanos();
            timers.start(new ControlTimer.UpdateMonitorDone(serviceName), wait);
        }
    }

    /** A node reported one of the tasks: it runs, or it stopped before it should. */
    @Override
    public void observed(Task task) {
        taskChanged(task);
    }

    /** The manager shut down one of the new tasks before any node ran it: that counts as a failure too. */
    @Override
    public void shutDown(Task task) {
        taskChanged(task);
    }

    private void taskChanged(Task task) {
        ServiceRecord service = store.services.get(task.service());
        RollingUpdate update = service == null ? null : service.update.orElse(null);
        if (update == null || !update.replaces.containsKey(task.id())) {
            return;
        }
        long now = timers.now();
        if (task.state() == TaskState.RUNNING) {
            update.runningSince.put(task.id(), now);
            if (update.config.order() == UpdateConfig.Order.START_FIRST) {
                shutDown(update.replaces.get(task.id()), update);
            }
            slotDone(service, update, task);
        } else if (task.state().isTerminal()) {
            Long since = update.runningSince.get(task.id());
            if ((since == null || now - since <= update.config.monitorNanos()) && update.counted.add(task.id())) {
                update.failures++;
                if (update.failures > update.config.maxFailureRatio() * update.slots.size() && !update.paused) {
                    onFailure(service, update, task);
                }
            }
            slotDone(service, update, task);
        }
    }

    /** A slot to update: more than one task meant to run in it, or one of the old spec. */
    private boolean isSlotDirty(ServiceRecord service, List<Task> slot) {
        return slot.size() > 1 || slot.size() == 1 && service.isDirty(slot.get(0), nodeOf(slot.get(0)));
    }

    /**
     * A task of the new spec already in the slot: the newest meant to run, else the newest held
     * back. Upstream takes the first in its store's order, which is the tasks' random IDs'; the
     * newest is the one the slot's views and the orchestrator go by.
     */
    private Optional<Task> existingClean(ServiceRecord service, List<Task> slot) {
        Task waiting = null;
        for (int i = slot.size() - 1; i >= 0; i--) {
            Task t = slot.get(i);
            if (!service.isDirty(t, nodeOf(t))) {
                if (t.desired() == TaskState.RUNNING) {
                    return Optional.of(t);
                }
                if (waiting == null) {
                    waiting = t;
                }
            }
        }
        return Optional.ofNullable(waiting);
    }

    /** Upstream's {@code useExistingTask}: the slot keeps its task of the new spec, and the others stop. */
    private void useExisting(List<Task> slot, Task existing, RollingUpdate update) {
        Optional<Task> stopped = shutDown(slot.stream().filter(t -> t != existing).toList(), update);
        if (existing.desired() != TaskState.RUNNING) {
            restarts.delayStart(existing, stopped, 0);
        }
    }

    /**
     * Upstream's {@code removeOldTasks}: shuts down those of the tasks still meant to run (as they
     * are in the store now), and returns the last of them, for a replacement to wait for.
     */
    private Optional<Task> shutDown(List<Task> old, RollingUpdate update) {
        Task last = null;
        for (Task t : old) {
            Optional<Task> current = store.task(t.id()).filter(c -> c.desired().compareTo(TaskState.RUNNING) <= 0);
            if (current.isPresent()) {
                tasks.setDesired(current.get(), TaskState.SHUTDOWN, update.name());
                last = current.get();
            }
        }
        return Optional.ofNullable(last);
    }

    void monitorDone(String serviceName) {
        ServiceRecord service = store.services.get(serviceName);
        RollingUpdate update = active(service);
        if (update != null && update.allStarted() && update.inFlight.isEmpty()) {
            status(service, update.rollback ? "rollback_completed" : "completed", update.name() + " completed");
            service.update = Optional.empty();
            // The completion changes the service, so the orchestrator reconciles it and runs the
            // updater again: it finds the slots a restart filled while the update was on them,
            // each with a second task of the new spec, and keeps one.
            List<String> dirty = dirtySlots(service);
            if (!dirty.isEmpty()) {
                run(service, update.config, update.rollback, dirty);
            }
        }
    }

    private void slotDone(ServiceRecord service, RollingUpdate update, Task task) {
        for (Map.Entry<Integer, String> e : new TreeMap<>(update.inFlight).entrySet()) { // in worker order
            if (e.getValue().equals(task.id())) {
                update.inFlight.remove(e.getKey());
                timers.start(new ControlTimer.UpdateStep(service.name(), e.getKey()), update.config.delayNanos());
            }
        }
    }

    private void onFailure(ServiceRecord service, RollingUpdate update, Task task) {
        String cause = " due to failure or early termination of task " + task.id();
        switch (update.config.failureAction()) {
            case CONTINUE -> { }
            case PAUSE -> pause(service, update, cause);
            case ROLLBACK -> {
                if (update.rollback || service.previous.isEmpty()) {
                    pause(service, update, cause);
                } else {
                    status(service, "rollback_started", "update rolled back" + cause);
                    rollBack(service);
                }
            }
        }
    }

    private void pause(ServiceRecord service, RollingUpdate update, String cause) {
        update.paused = true;
        status(service, update.rollback ? "rollback_paused" : "paused", update.name() + " paused" + cause);
    }

    private void rollBack(ServiceRecord service) {
        var previous = service.previous.orElseThrow();
        service.previous = Optional.of(service.spec);
        service.spec = previous;
        service.version++;
        events.log(new ServiceChanged(service.name(), "rollback", service.version, previous.replicas(),
                previous.task().image()));
        start(service, previous.rollback(), true);
        reconcile.add(service.name());
    }

    private RollingUpdate active(ServiceRecord service) {
        if (service == null) {
            return null;
        }
        return service.update.filter(u -> !u.paused).orElse(null);
    }

    private void status(ServiceRecord service, String state, String message) {
        events.log(new UpdateStatusChanged(service.name(), state, message));
    }
}
