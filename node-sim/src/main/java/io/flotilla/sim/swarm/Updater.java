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
 * take a slot, replace its task (stop-first: stop the old, then start the new; start-first:
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
        List<String> dirty = store.occupiedSlots(service.name()).stream()
                .filter(t -> service.isDirty(t, nodeOf(t)))
                .map(ClusterStore::slotKey)
                .toList();
        RollingUpdate update = new RollingUpdate(config, rollback, dirty);
        service.update = Optional.of(update);
        if (!rollback) {
            status(service, "updating", "update in progress");
        }
        int workers = config.parallelism() == 0 ? dirty.size() : Math.min(config.parallelism(), dirty.size());
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
            String slot = update.slots.get(update.next++);
            Optional<Task> newest = store.newest(serviceName, slot);
            if (newest.isEmpty() || newest.get().desired() == TaskState.REMOVE || !service.isDirty(newest.get(), nodeOf(newest.get()))) {
                continue; // scaled away, or already replaced by a restart under the new spec
            }
            Task old = newest.get();
            Task created;
            String node = old.slot() > 0 ? null : old.node();
            if (update.config.order() == UpdateConfig.Order.STOP_FIRST) {
                tasks.setDesired(old, TaskState.SHUTDOWN, update.name());
                created = tasks.create(service, old.slot(), node, TaskState.READY);
                restarts.delayStart(created, old, 0);
            } else {
                created = tasks.create(service, old.slot(), node, TaskState.RUNNING);
            }
            update.replaces.put(created.id(), old.id());
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
                store.task(update.replaces.get(task.id()))
                        .ifPresent(old -> tasks.setDesired(old, TaskState.SHUTDOWN, update.name()));
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

    void monitorDone(String serviceName) {
        ServiceRecord service = store.services.get(serviceName);
        RollingUpdate update = active(service);
        if (update != null && update.allStarted() && update.inFlight.isEmpty()) {
            status(service, update.rollback ? "rollback_completed" : "completed", update.name() + " completed");
            service.update = Optional.empty();
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
