package io.flotilla.scheduler.orchestrator;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which slots a replicated service keeps when it has more than it wants
 * ({@code replicated/services.go}): slots with a running task first, then by slot number; each
 * slot gets its depth on its node (the k-th copy there, unassigned last); the shallowest are kept.
 * So the nodes with the most copies lose tasks first, and unassigned tasks go before any.
 */
public final class ScaleDown {

    private ScaleDown() {}

    /** The tasks to remove, given one live task per slot. */
    public static List<Task> victims(List<Task> liveTaskPerSlot, int replicas) {
        return victims(liveTaskPerSlot, replicas, t -> false);
    }

    /**
     * The same, where a slot whose task {@code crowded} says holds more than one task meant to run
     * (a start-first update's old and new) ranks as an unassigned one does: it goes first.
     */
    public static List<Task> victims(List<Task> liveTaskPerSlot, int replicas, Predicate<Task> crowded) {
        if (liveTaskPerSlot.size() <= replicas) {
            return List.of();
        }
        List<Task> ordered = new ArrayList<>(liveTaskPerSlot);
        ordered.sort(Comparator.comparing((Task t) -> t.state() != TaskState.RUNNING).thenComparingInt(Task::slot));
        Map<String, Integer> copiesOnNode = new HashMap<>();
        Map<Task, Integer> depth = new HashMap<>();
        for (Task t : ordered) {
            depth.put(t, t.isAssigned() && !crowded.test(t) ? copiesOnNode.merge(t.node(), 1, Integer::sum) : Integer.MAX_VALUE);
        }
        ordered.sort(Comparator.comparingInt(depth::get)); // stable: ties keep running-first, slot order
        return List.copyOf(ordered.subList(replicas, ordered.size()));
    }
}
