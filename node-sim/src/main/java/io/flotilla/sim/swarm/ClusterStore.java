package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.ArrayList;
import java.util.Collection;
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

    final Map<String, NodeRecord> nodes = new LinkedHashMap<>();
    final Map<String, ServiceRecord> services = new LinkedHashMap<>();
    /**
     * Global tasks stopped because of their node (down, drained, paused, or no longer matching the
     * constraints): the global orchestrator gives the node a new task once it is usable again.
     */
    final Set<String> stoppedForNode = new HashSet<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    /** service -> slot key (slot number, or node name for global tasks) -> task ids, oldest first. */
    private final Map<String, TreeMap<String, List<String>>> slots = new HashMap<>();
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

    /** A fresh, unique task id for a slot: {@code web.3#1}, {@code web.3#2}, ... */
    String nextTaskId(String name) {
        return name + "#" + taskCounter.merge(name, 1, Integer::sum);
    }

    void put(Task task) {
        Task old = tasks.put(task.id(), task);
        if (old == null) {
            slots.computeIfAbsent(task.service(), s -> new TreeMap<>(task.slot() > 0 ? BY_NUMBER : Comparator.naturalOrder()))
                    .computeIfAbsent(slotKey(task), k -> new ArrayList<>())
                    .add(task.id());
        } else if (old.isAssigned() && !old.node().equals(task.node())) {
            tasksByNode.get(old.node()).remove(task.id());
        }
        if (task.isAssigned()) {
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
        slots.getOrDefault(service, EMPTY).forEach((key, ids) -> out.put(key, newest(ids)));
        return out;
    }

    private Task newest(List<String> ids) {
        return tasks.get(ids.get(ids.size() - 1));
    }

    /** The tasks of one slot, oldest first. */
    List<Task> slotHistory(Task task) {
        return slots.get(task.service()).get(slotKey(task)).stream().map(tasks::get).toList();
    }

    /** Newest task of each slot that still counts towards the service (not being removed). */
    List<Task> occupiedSlots(String service) {
        List<Task> out = new ArrayList<>();
        for (List<String> ids : slots.getOrDefault(service, EMPTY).values()) {
            Task t = newest(ids);
            if (t.desired() != TaskState.REMOVE) {
                out.add(t);
            }
        }
        return out;
    }

    static String slotKey(Task task) {
        return task.slot() > 0 ? Integer.toString(task.slot()) : task.node();
    }

    /** Slot numbers in numeric order: shorter first, then by digits (they have no leading zeros). */
    private static final Comparator<String> BY_NUMBER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private static final TreeMap<String, List<String>> EMPTY = new TreeMap<>();
}
