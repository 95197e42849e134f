package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The manager's store (swarmkit keeps it in raft): nodes, services and tasks, with the indexes
 * the orchestrators need. A service's slots are all numbers (replicated) or all node names (global).
 * Iteration orders are insertion orders, so every pass is deterministic. Every part reads it; tasks
 * are written through {@link TaskLifecycle}, which tells the parts watching them.
 */
final class ClusterStore {

    private final Map<String, NodeRecord> nodeRecords = new LinkedHashMap<>();
    /**
     * The nodes, read-only: they are added, removed and changed through the store
     * ({@link #addNode}, {@link #removeNode}, {@link #setStatus}, {@link #setAvailability}), which
     * keeps its index of tasks on unusable nodes up to date.
     */
    final Map<String, NodeRecord> nodes = Collections.unmodifiableMap(nodeRecords);
    final Map<String, ServiceRecord> services = new LinkedHashMap<>();
    /**
     * Global tasks stopped because of their node (down, drained, paused, or no longer matching the
     * constraints): the global orchestrator gives the node a new task once it is usable again.
     */
    final Set<String> stoppedForNode = new HashSet<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    /** service -> its slots (slot number, or node name for global tasks), each with its task ids, oldest first. */
    private final Map<String, ServiceSlots> slots = new HashMap<>();
    private final Map<String, Set<String>> tasksByNode = new HashMap<>();
    private final Map<String, Integer> taskCounter = new HashMap<>();

    Optional<Task> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    Collection<Task> tasks() {
        return tasks.values();
    }

    List<Node> nodeSnapshots() {
        return nodes.values().stream().map(NodeRecord::snapshot).toList();
    }

    /** Adds the node, or replaces the one of the same name. */
    void addNode(NodeRecord record) {
        NodeRecord replaced = nodeRecords.put(record.name(), record);
        if (replaced != null && replaced != record) {
            replaced.dropped = true;
        }
        nodeChanged(record.name());
    }

    Optional<NodeRecord> removeNode(String node) {
        NodeRecord removed = nodeRecords.remove(node);
        if (removed != null) {
            removed.dropped = true;
            nodeChanged(node);
        }
        return Optional.ofNullable(removed);
    }

    void setStatus(NodeRecord record, NodeStatus status) {
        record.status(status);
        nodeChanged(record.name());
    }

    void setAvailability(NodeRecord record, Availability availability) {
        record.availability(availability);
        nodeChanged(record.name());
    }

    /** A fresh, unique task id for a slot: {@code web.3#1}, {@code web.3#2}, ... */
    String nextTaskId(String name) {
        return name + "#" + taskCounter.merge(name, 1, Integer::sum);
    }

    void put(Task task) {
        Task old = tasks.put(task.id(), task);
        if (old == null) {
            slots.computeIfAbsent(task.service(), s -> new ServiceSlots(task.slot() > 0 ? BY_NUMBER : Comparator.naturalOrder()))
                    .add(slotKey(task), task, stranded(task));
        } else {
            if (old.isAssigned() && !old.node().equals(task.node())) {
                tasksByNode.get(old.node()).remove(task.id());
            }
            slots.get(task.service()).changed(old, task, stranded(task));
        }
        // A task still on the node it was on is in the node's set already.
        if (task.isAssigned() && (old == null || !old.isAssigned() || !old.node().equals(task.node()))) {
            tasksByNode.computeIfAbsent(task.node(), n -> new LinkedHashSet<>()).add(task.id());
        }
    }

    /** Tasks assigned to the node, oldest first. */
    List<Task> tasksOn(String node) {
        return tasksByNode.getOrDefault(node, Set.of()).stream().map(tasks::get).toList();
    }

    /** Every slot of the service with its newest task. */
    Map<String, Task> newestPerSlot(String service) {
        Map<String, Task> out = new LinkedHashMap<>();
        slotsOf(service).forEach((key, slot) -> out.put(key, slot.newest));
        return out;
    }

    /** The newest task of one slot of the service. */
    Optional<Task> newest(String service, String slotKey) {
        return Optional.ofNullable(slotsOf(service).get(slotKey)).map(slot -> slot.newest);
    }

    /**
     * The tasks of one slot an update works on, oldest first (swarmkit's {@code
     * UpdatableTasksInSlot}): those still meant to run (desired running or less), which a start-first
     * update or one cut short by the next leaves more than one of; when none is, the newest alone,
     * unless it is being removed.
     */
    List<Task> updatable(String service, String slotKey) {
        ServiceSlots.Slot slot = slotsOf(service).get(slotKey);
        if (slot == null) {
            return List.of();
        }
        List<Task> live = new ArrayList<>(1);
        for (String id : slot.ids) {
            Task task = tasks.get(id);
            if (task != null && task.desired().compareTo(TaskState.RUNNING) <= 0) {
                live.add(task);
            }
        }
        if (live.isEmpty() && ServiceSlots.occupies(slot.newest)) {
            live.add(slot.newest);
        }
        return live;
    }

    /** The tasks of one slot, oldest first. */
    List<Task> slotHistory(Task task) {
        return slots.get(task.service()).slot(slotKey(task)).orElseThrow().ids.stream().map(tasks::get).toList();
    }

    /** Newest task of each slot that still counts towards the service (not being removed). */
    List<Task> occupiedSlots(String service) {
        List<Task> out = new ArrayList<>();
        for (ServiceSlots.Slot slot : slotsOf(service).values()) {
            if (ServiceSlots.occupies(slot.newest)) {
                out.add(slot.newest);
            }
        }
        return out;
    }

    /** How many slots {@link #occupiedSlots} lists, without listing them. */
    int occupiedCount(String service) {
        ServiceSlots of = slots.get(service);
        return of == null ? 0 : of.occupiedCount();
    }

    /**
     * The newest tasks of the service's slots that are meant to run (desired running or less) but
     * are assigned to a node that is down, drained or no longer in the store, in slot order: the
     * ones {@link #occupiedSlots} lists that the orchestrator must move.
     */
    List<Task> strandedTasks(String service) {
        ServiceSlots of = slots.get(service);
        return of == null ? List.of() : of.strandedTasks();
    }

    /** Whether the task is one {@link #strandedTasks} lists, given the nodes as they are now. */
    private boolean stranded(Task task) {
        if (!task.isAssigned() || task.desired().compareTo(TaskState.RUNNING) > 0) {
            return false;
        }
        NodeRecord node = nodeRecords.get(task.node());
        return node == null || node.isInvalid();
    }

    /** The node's usability may have changed: so may whether its tasks are stranded. */
    private void nodeChanged(String node) {
        for (String id : tasksByNode.getOrDefault(node, Set.of())) {
            Task task = tasks.get(id);
            slots.get(task.service()).changed(task, task, stranded(task));
        }
    }

    private TreeMap<String, ServiceSlots.Slot> slotsOf(String service) {
        ServiceSlots of = slots.get(service);
        return of == null ? EMPTY : of.slots();
    }

    static String slotKey(Task task) {
        return task.slot() > 0 ? Integer.toString(task.slot()) : task.node();
    }

    /** Slot numbers in numeric order: shorter first, then by digits (they have no leading zeros). */
    private static final Comparator<String> BY_NUMBER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private static final TreeMap<String, ServiceSlots.Slot> EMPTY = new TreeMap<>();
}
