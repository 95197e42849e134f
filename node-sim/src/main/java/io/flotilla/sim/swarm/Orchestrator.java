package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.orchestrator.ScaleDown;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The replicated and global orchestrators ({@code manager/orchestrator/replicated},
 * {@code .../global}): bring each service to the tasks it should have.
 */
final class Orchestrator {

    private final ControlPlane plane;
    /** Global tasks stopped because of their node, which get a successor when the node is usable again. */
    private final Set<String> stoppedForNode = new HashSet<>();

    Orchestrator(ControlPlane plane) {
        this.plane = plane;
    }

    void reconcile(ServiceRecord service) {
        if (service.spec.mode() == ServiceMode.GLOBAL) {
            reconcileGlobal(service);
        } else {
            reconcileReplicated(service);
        }
    }

    /** A task whose node is down, drained or gone: replicated tasks move, global ones just stop. */
    void taskOnInvalidNode(Task task, String reason) {
        if (task.desired().compareTo(TaskState.RUNNING) > 0) {
            return;
        }
        ServiceRecord service = plane.store.services.get(task.service());
        if (service == null || service.spec.mode() == ServiceMode.GLOBAL) {
            stoppedForNode.add(task.id());
            plane.setDesired(task, TaskState.SHUTDOWN, reason);
        } else {
            plane.restarts.restart(task, reason);
        }
    }

    /** A global task stopped because of its node's state: the node gets a new task when it is usable again. */
    void stoppedForNode(Task task) {
        stoppedForNode.add(task.id());
    }

    private void reconcileReplicated(ServiceRecord service) {
        List<Task> occupied = plane.store.occupiedSlots(service.name());
        int missing = service.spec.replicas() - occupied.size();
        if (missing > 0) {
            // Lowest free slot numbers first; a slot freed by a scale-down is reused.
            Set<Integer> used = new TreeSet<>();
            occupied.forEach(t -> used.add(t.slot()));
            for (int slot = 1; missing > 0; slot++) {
                if (!used.contains(slot)) {
                    plane.createTask(service, slot, null, TaskState.RUNNING);
                    missing--;
                }
            }
        } else if (missing < 0) {
            for (Task victim : ScaleDown.victims(occupied, service.spec.replicas())) {
                plane.setDesired(victim, TaskState.REMOVE, "scale down");
            }
        }
        for (Task t : plane.store.occupiedSlots(service.name())) {
            NodeRecord node = t.isAssigned() ? plane.store.nodes.get(t.node()) : null;
            if (t.isAssigned() && (node == null || node.isInvalid()) && t.desired().compareTo(TaskState.RUNNING) <= 0) {
                taskOnInvalidNode(t, node == null ? "node removed" : node.status == NodeStatus.DOWN ? "node down" : "node drained");
            }
        }
    }

    private void reconcileGlobal(ServiceRecord service) {
        Map<String, Task> bySlot = plane.store.newestPerSlot(service.name());
        for (NodeRecord node : plane.store.nodes.values()) {
            Task current = bySlot.get(node.name());
            boolean live = current != null && current.desired().compareTo(TaskState.RUNNING) <= 0;
            boolean eligible = plane.scheduler.constraintsMatch(service.spec.task(), node.spec);
            if (live && (node.isInvalid() || !eligible)) {
                stoppedForNode.add(current.id());
                plane.setDesired(current, TaskState.SHUTDOWN, node.isInvalid() ? "node unavailable" : "constraints not satisfied");
            } else if (!live && eligible && node.status == NodeStatus.READY && node.availability == Availability.ACTIVE
                    && (current == null || stoppedForNode.contains(current.id()))) {
                plane.createTask(service, 0, node.name(), TaskState.RUNNING);
            }
        }
    }
}
