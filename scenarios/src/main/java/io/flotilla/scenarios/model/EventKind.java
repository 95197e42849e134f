package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.UpdateStatusChanged;
import io.flotilla.sim.kernel.Event;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kind of happening an {@code event} expectation can ask about, such as {@code task.failed} or
 * {@code node.down}: its name, what it is about (a task, a node, a service or the cluster, which
 * says which filters it takes), and which events of the log are one. The names follow the event
 * log's types where one type is one happening ({@code node.crash}, {@code task.evicted}), and
 * split a type by its state where it is not ({@code task.state} with state failed is
 * {@code task.failed}; the manager's {@code node.status} down is {@code node.down}).
 *
 * @param subject what the kind is about
 * @param match the subject of an event of this kind (a task id, a node or a service name), or empty
 *     for an event of another kind
 */
public record EventKind(String name, Subject subject, String meaning, Function<Event, Optional<String>> match) {

    /** What a happening is about, and so which of {@code task}, {@code service} and {@code node} narrow it. */
    public enum Subject {
        TASK,
        NODE,
        SERVICE,
        CLUSTER
    }

    /** Every kind, by name, in the order the format's page lists them. */
    public static final Map<String, EventKind> ALL = all();

    public static Optional<EventKind> named(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    private static Map<String, EventKind> all() {
        Map<String, EventKind> kinds = new LinkedHashMap<>();
        for (TaskState state : TaskState.values()) {
            if (state == TaskState.NEW || state == TaskState.REMOVE) {
                continue; // a task is created new, and remove is only ever a desired state
            }
            add(kinds, "task." + state.lowerName(), Subject.TASK, "a task really reached this state",
                    e -> e instanceof TaskStateChanged t && t.state() == state ? Optional.of(t.task()) : Optional.empty());
        }
        for (String health : new String[] {"healthy", "unhealthy"}) {
            add(kinds, "task." + health, Subject.TASK, "a task's health check or readiness probe turned " + health,
                    e -> e instanceof TaskHealthChanged h && h.status().equals(health) ? Optional.of(h.task()) : Optional.empty());
        }
        add(kinds, "task.evicted", Subject.TASK, "Kubernetes evicted a pod (taint eviction, drain, preemption)",
                e -> e instanceof PodEvicted p ? Optional.of(p.task()) : Optional.empty());
        add(kinds, "task.backoff", Subject.TASK, "a kubelet waits before restarting a pod's container (CrashLoopBackOff)",
                e -> e instanceof ContainerBackOff b ? Optional.of(b.task()) : Optional.empty());
        add(kinds, "node.crash", Subject.NODE, "a node really crashed",
                e -> e instanceof NodeCrashed c ? Optional.of(c.node()) : Optional.empty());
        add(kinds, "node.boot", Subject.NODE, "a node really booted again",
                e -> e instanceof NodeBooted b ? Optional.of(b.node()) : Optional.empty());
        for (NodeStatus status : NodeStatus.values()) {
            String word = status.name().toLowerCase(Locale.ROOT);
            add(kinds, "node." + word, Subject.NODE, "the manager marked a node " + word,
                    e -> e instanceof NodeStatusChanged s && s.status() == status ? Optional.of(s.node()) : Optional.empty());
        }
        for (String change : new String[] {"create", "scale", "update", "rollback"}) {
            add(kinds, "service." + change, Subject.SERVICE, "a service's " + change,
                    e -> e instanceof ServiceChanged s && s.change().equals(change) ? Optional.of(s.service()) : Optional.empty());
        }
        for (String state : Check.UpdateState.STATES) {
            if (state.equals(Check.UpdateState.NONE)) {
                continue;
            }
            add(kinds, "update." + state, Subject.SERVICE, "a rolling update or rollback reached this state",
                    e -> e instanceof UpdateStatusChanged u && u.state().equals(state) ? Optional.of(u.service()) : Optional.empty());
        }
        Check.UpdateState.ROLLOUT_WORDS.forEach((word, state) -> add(kinds, "update." + word, Subject.SERVICE,
                "Kubernetes' word for update." + state, kinds.get("update." + state).match()));
        for (String state : new String[] {"leader", "election", "quorum_lost"}) {
            add(kinds, "manager." + state, Subject.CLUSTER, "raft leadership changed: " + state,
                    e -> e instanceof LeaderChanged l && l.state().equals(state) ? Optional.of("") : Optional.empty());
        }
        return Collections.unmodifiableMap(kinds);
    }

    private static void add(Map<String, EventKind> kinds, String name, Subject subject, String meaning,
            Function<Event, Optional<String>> match) {
        kinds.put(name, new EventKind(name, subject, meaning, match));
    }
}
