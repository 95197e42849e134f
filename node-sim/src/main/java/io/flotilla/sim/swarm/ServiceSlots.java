package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One service's slots in the {@link ClusterStore}: each slot's task ids, oldest first, and its
 * newest task, in slot order. It also keeps what the replicated orchestrator asks at every
 * reconcile, so that a reconcile with nothing to do costs nothing per slot: how many slots count
 * towards the service, and which slots' newest task is meant to run on a node that is down,
 * drained or gone.
 */
final class ServiceSlots {

    /** A slot's task ids, oldest first, and its newest task as the store holds it now. */
    static final class Slot {
        final List<String> ids = new ArrayList<>();
        Task newest;
        boolean stranded;
    }

    private final TreeMap<String, Slot> bySlot;
    /** The same slots by key, for the lookup every task change makes without the slot order's comparisons. */
    private final Map<String, Slot> byKey = new HashMap<>();
    /**
     * A replicated service's slots by number, for the same lookup without making the key: a task
     * changes state some eight times on its way to running.
     */
    private Slot[] numbered = new Slot[0];
    /** Slots whose newest task is not being removed. */
    private int occupied;
    /** Slots whose newest task should run but is assigned to a node that is down, drained or gone. */
    private final TreeSet<String> stranded;

    ServiceSlots(Comparator<String> order) {
        this.bySlot = new TreeMap<>(order);
        this.stranded = new TreeSet<>(order);
    }

    /** A new task in the slot {@code key}: it becomes the slot's newest. */
    void add(String key, Task task, boolean strandedNow) {
        Slot slot = byKey.get(key);
        if (slot == null) {
            slot = new Slot();
            byKey.put(key, slot);
            bySlot.put(key, slot);
            if (task.slot() > 0) {
                if (task.slot() >= numbered.length) {
                    numbered = Arrays.copyOf(numbered, Math.max(task.slot() + 1, 2 * numbered.length));
                }
                numbered[task.slot()] = slot;
            }
        }
        slot.ids.add(task.id());
        setNewest(slot, task, strandedNow);
    }

    Optional<Slot> slot(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The task changed from {@code old} (the same task as the store held it); only the newest task
     * of its slot counts for the orchestrator.
     */
    void changed(Task old, Task task, boolean strandedNow) {
        Slot slot = slotOf(old);
        if (slot != null && slot.newest.id().equals(task.id())) {
            setNewest(slot, task, strandedNow);
        }
    }

    /** The task's slot: a replicated one by its number, any other by its key; null when it has none. */
    private Slot slotOf(Task task) {
        if (task.slot() <= 0) {
            return byKey.get(ClusterStore.slotKey(task));
        }
        return task.slot() < numbered.length ? numbered[task.slot()] : null;
    }

    private void setNewest(Slot slot, Task task, boolean strandedNow) {
        if (slot.newest != null && occupies(slot.newest)) {
            occupied--;
        }
        slot.newest = task;
        if (occupies(task)) {
            occupied++;
        }
        if (strandedNow != slot.stranded) {
            slot.stranded = strandedNow;
            String key = ClusterStore.slotKey(task);
            if (strandedNow) {
                stranded.add(key);
            } else {
                stranded.remove(key);
            }
        }
    }

    TreeMap<String, Slot> slots() {
        return bySlot;
    }

    int occupiedCount() {
        return occupied;
    }

    /** The stranded slots' newest tasks, in slot order, as a list of their own. */
    List<Task> strandedTasks() {
        List<Task> out = new ArrayList<>(stranded.size());
        stranded.forEach(key -> out.add(byKey.get(key).newest));
        return out;
    }

    static boolean occupies(Task task) {
        return task.desired() != TaskState.REMOVE;
    }
}
