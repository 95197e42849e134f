package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A manager's store for multi-step tests, standing in for swarmkit's MemoryStore and event loop:
 * each {@link #place} is one scheduler pass, and its decisions are written back.
 */
final class FakeStore {

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<FailureHistory.Failure> failures = new ArrayList<>();
    private long now;
    private final SwarmPlacement placement = new SwarmPlacement();

    FakeStore nodes(Fixtures.NodeBuilder... builders) {
        for (Fixtures.NodeBuilder b : builders) {
            nodes.add(b.build());
        }
        return this;
    }

    FakeStore tasks(Fixtures.TaskBuilder... builders) {
        for (Fixtures.TaskBuilder b : builders) {
            Task t = b.build();
            tasks.put(t.id(), t);
        }
        return this;
    }

    FakeStore remove(String taskId) {
        tasks.remove(taskId);
        return this;
    }

    FakeStore setState(String taskId, TaskState state) {
        tasks.put(taskId, tasks.get(taskId).withState(state));
        return this;
    }

    FakeStore setDesired(String taskId, TaskState desired) {
        tasks.put(taskId, tasks.get(taskId).withDesired(desired));
        return this;
    }

    /** Records a FAILED end now, as the caller of a real pass would, and ends the task. */
    FakeStore fail(String taskId) {
        Task t = tasks.get(taskId);
        failures.add(new FailureHistory.Failure(t.node(), t.service(), t.specVersion(), now));
        return setState(taskId, TaskState.FAILED);
    }

    FakeStore advance(long nanos) {
        now += nanos;
        return this;
    }

    PlacementResult place(String... explain) {
        PlacementResult r = placement.place(new PlacementRequest(
                nodes, List.copyOf(tasks.values()), now, new FailureHistory(failures), Set.of(explain)));
        for (Assignment a : r.assignments()) {
            tasks.put(a.taskId(), tasks.get(a.taskId()).assignedTo(a.node()));
        }
        for (Unplaced u : r.unplaced()) {
            tasks.put(u.taskId(), tasks.get(u.taskId()).withError(u.error()));
        }
        for (String id : r.shutDown()) {
            tasks.put(id, tasks.get(id).withState(TaskState.SHUTDOWN));
        }
        return r;
    }

    Task task(String id) {
        return tasks.get(id);
    }

    String nodeOf(String taskId) {
        return tasks.get(taskId).node();
    }

    List<String> tasksOn(String node) {
        return tasks.values().stream().filter(t -> node.equals(t.node())).map(Task::id).toList();
    }

    /** Live tasks per node whose id starts with {@code prefix}. */
    Map<String, Integer> perNode(String prefix) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Task t : tasks.values()) {
            if (t.id().startsWith(prefix) && t.node() != null && !t.state().isTerminal()) {
                counts.merge(t.node(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
