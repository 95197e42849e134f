package io.flotilla.sim.view;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cluster folded from the event log up to some moment. Feed it events in log order with
 * {@link #apply}; read it at any point. Tasks are kept in creation order.
 */
public final class ClusterView {

    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final Map<String, TaskView> tasks = new LinkedHashMap<>();
    private final Map<String, TaskView> newestByName = new LinkedHashMap<>();
    private long time;

    private final Map<String, Integer> nodeOrder = new HashMap<>();

    /** A view of the nodes (in scenario order) before anything has happened. */
    public ClusterView(Map<String, NodeRole> roles, Map<String, Availability> availability) {
        roles.forEach((name, role) -> {
            nodeOrder.put(name, nodes.size());
            nodes.put(name, new NodeView(name, role, availability.get(name)));
        });
    }

    /** Applies every event up to and including virtual {@code until}; returns how many it used. */
    public int applyUntil(List<LoggedEvent> log, int from, long until) {
        int i = from;
        while (i < log.size() && log.get(i).time() <= until) {
            apply(log.get(i++));
        }
        time = Math.max(time, until);
        return i;
    }

    public void apply(LoggedEvent logged) {
        time = logged.time();
        Event event = logged.event();
        if (event instanceof TaskCreated e) {
            TaskView t = new TaskView(e.task(), e.name(), e.service(), e.slot(), e.version(), e.image(), e.node(), e.desired(), e.addresses());
            tasks.put(t.id, t);
            newestByName.put(t.name, t); // an existing name keeps its place: first appearance order
        } else if (event instanceof TaskStateChanged e) {
            withTask(e.task(), t -> {
                t.state = e.state();
                if (e.node() != null) {
                    t.node = e.node();
                }
                if (e.state() != TaskState.PENDING) {
                    t.error = e.error();
                }
            });
        } else if (event instanceof TaskObserved e) {
            withTask(e.task(), t -> t.believed = e.state());
        } else if (event instanceof TaskDesired e) {
            withTask(e.task(), t -> t.desired = e.desired());
        } else if (event instanceof TaskUnplaced e) {
            withTask(e.task(), t -> t.error = e.error());
        } else if (event instanceof NodeCrashed e) {
            withNode(e.node(), n -> n.up = false);
        } else if (event instanceof NodeBooted e) {
            withNode(e.node(), n -> n.up = true);
        } else if (event instanceof NodeStatusChanged e) {
            withNode(e.node(), n -> n.believed = e.status());
        } else if (event instanceof NodeAvailabilityChanged e) {
            withNode(e.node(), n -> n.availability = e.availability());
        }
    }

    public long time() {
        return time;
    }

    public Collection<NodeView> nodes() {
        return nodes.values();
    }

    public Optional<NodeView> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    /** Every task ever created, oldest first. */
    public Collection<TaskView> allTasks() {
        return tasks.values();
    }

    /**
     * The newest task of every slot, global node and ordinal, in the order those first appeared;
     * a slot removed by a scale-down is left out once its task has stopped.
     */
    public List<TaskView> newestTasks() {
        return newestByName.values().stream()
                .filter(t -> !(t.desired() == TaskState.REMOVE && t.state().isTerminal()))
                .toList();
    }

    public Optional<TaskView> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public Optional<TaskView> newest(String name) {
        return Optional.ofNullable(newestByName.get(name));
    }

    /** Tasks of the service that are really running, wherever they are. */
    public List<TaskView> running(String service) {
        return tasks.values().stream().filter(t -> t.service.equals(service) && t.isRunning()).toList();
    }

    /** Running tasks of the service per node, for the nodes that have any, in node order. */
    public Map<String, Integer> runningPerNode(String service) {
        Map<String, Integer> counts = new TreeMap<>(java.util.Comparator.comparingInt(this::nodeOrder));
        running(service).forEach(t -> counts.merge(t.node, 1, Integer::sum));
        return counts;
    }

    /** Tasks of the service, newest of their slot or not, that are {@linkplain TaskView#isTerminating terminating}. */
    public List<TaskView> terminating(String service) {
        return tasks.values().stream().filter(t -> t.service.equals(service) && t.isTerminating()).toList();
    }

    /** The newest tasks of the service that wait for a node. */
    public List<TaskView> pending(String service) {
        return newestByName.values().stream()
                .filter(t -> t.service.equals(service) && t.state == TaskState.PENDING
                        && t.desired.compareTo(TaskState.RUNNING) <= 0)
                .toList();
    }

    private int nodeOrder(String node) {
        return nodeOrder.getOrDefault(node, Integer.MAX_VALUE);
    }

    private void withTask(String id, java.util.function.Consumer<TaskView> change) {
        TaskView t = tasks.get(id);
        if (t != null) {
            change.accept(t);
        }
    }

    private void withNode(String name, java.util.function.Consumer<NodeView> change) {
        NodeView n = nodes.get(name);
        if (n != null) {
            change.accept(n);
        }
    }
}
