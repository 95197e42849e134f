package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.orchestrator.ScaleDown;
import io.flotilla.scheduler.placement.swarm.Constraint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The replicated and global orchestrators ({@code manager/orchestrator/replicated},
 * {@code .../global}): bring each service to the tasks it should have. They hear of node changes
 * as {@link NodeEvents}: the tasks of a node that is down, drained or gone move (replicated, through
 * the restart supervisor) or stop (global), and every service is reconciled again.
 */
final class Orchestrator implements NodeEvents {

    private final ClusterStore store;
    private final TaskLifecycle tasks;
    private final RestartSupervisor restarts;
    private final ReconcileQueue reconcile;

    Orchestrator(ClusterStore store, TaskLifecycle tasks, RestartSupervisor restarts, ReconcileQueue reconcile) {
        this.store = store;
        this.tasks = tasks;
        this.restarts = restarts;
        this.reconcile = reconcile;
    }

    void reconcile(ServiceRecord service) {
        if (service.spec.mode() == ServiceMode.GLOBAL) {
            reconcileGlobal(service);
        } else {
            reconcileReplicated(service);
        }
    }

    @Override
    public void nodeReady(String node) {
        reconcile.addAll();
    }

    @Override
    public void nodeLost(String node, String reason) {
        store.tasksOn(node).forEach(t -> taskOnInvalidNode(t, reason));
        reconcile.addAll();
    }

    @Override
    public void availabilityChanged(String node, Availability availability) {
        if (availability == Availability.DRAIN) {
            store.tasksOn(node).forEach(t -> taskOnInvalidNode(t, "node drained"));
        }
        reconcile.addAll();
    }

    /** A task whose node is down, drained or gone: replicated tasks move, global ones just stop. */
    private void taskOnInvalidNode(Task task, String reason) {
        if (task.desired().compareTo(TaskState.RUNNING) > 0) {
            return;
        }
        ServiceRecord service = store.services.get(task.service());
        if (service == null || service.spec.mode() == ServiceMode.GLOBAL) {
            store.stoppedForNode.add(task.id());
            tasks.setDesired(task, TaskState.SHUTDOWN, reason);
        } else {
            restarts.restart(task, reason);
        }
    }

    /**
     * Fills free slots (or removes the surplus), then moves the tasks stranded on a node that is
     * down, drained or gone. The store keeps the count of occupied slots and the stranded tasks up
     * to date, so a reconcile with nothing to do does not walk the service's slots: the orchestrator
     * reconciles every service after any node change.
     */
    private void reconcileReplicated(ServiceRecord service) {
        int missing = service.spec.replicas() - store.occupiedCount(service.name());
        if (missing > 0) {
            // Lowest free slot numbers first; a slot freed by a scale-down is reused.
            Set<Integer> used = new TreeSet<>();
            store.occupiedSlots(service.name()).forEach(t -> used.add(t.slot()));
            for (int slot = 1; missing > 0; slot++) {
                if (!used.contains(slot)) {
                    tasks.create(service, slot, null, TaskState.RUNNING);
                    missing--;
                }
            }
        } else if (missing < 0) {
            String name = service.name();
            for (Task victim : ScaleDown.victims(store.occupiedSlots(name), service.spec.replicas(),
                    t -> store.updatable(name, ClusterStore.slotKey(t)).size() > 1)) {
                // every task of the slot meant to run goes (swarmkit's setTasksDesiredState on the slot)
                for (Task t : store.updatable(name, ClusterStore.slotKey(victim))) {
                    tasks.setDesired(t, TaskState.REMOVE, "scale down");
                }
            }
        }
        for (Task t : store.strandedTasks(service.name())) {
            NodeRecord node = store.nodes.get(t.node());
            taskOnInvalidNode(t, node == null ? "node removed" : node.status() == NodeStatus.DOWN ? "node down" : "node drained");
        }
    }

    private void reconcileGlobal(ServiceRecord service) {
        Map<String, Task> bySlot = store.newestPerSlot(service.name());
        for (NodeRecord node : store.nodes.values()) {
            Task current = bySlot.get(node.name());
            boolean live = current != null && current.desired().compareTo(TaskState.RUNNING) <= 0;
            boolean eligible = constraintsMatch(service.spec.task(), node.spec);
            if (live && (node.isInvalid() || !eligible)) {
                store.stoppedForNode.add(current.id());
                tasks.setDesired(current, TaskState.SHUTDOWN, node.isInvalid() ? "node unavailable" : "constraints not satisfied");
            } else if (!live && eligible && node.status() == NodeStatus.READY && node.availability() == Availability.ACTIVE
                    && (current == null || store.stoppedForNode.contains(current.id()))) {
                tasks.create(service, 0, node.name(), TaskState.RUNNING);
            }
        }
    }

    /** Whether a global service's constraints admit the node (they were validated at load time). */
    private static boolean constraintsMatch(TaskSpec spec, NodeSpec node) {
        return Constraint.matchAll(Constraint.parse(spec.placement().constraints()).constraints(), node, node.role());
    }
}
