package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.PodManagementPolicy;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.UpdateStatusChanged;
import io.flotilla.sim.events.ZoneStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The cluster as the log tells it so far, for the invariants: the {@link ClusterView} (truth and
 * belief of every task and node) plus what the view does not keep: the spec each task was created
 * from (its reservations and ports), the tasks each node really holds, whether there is a raft
 * leader, each service's desired count and update state, and each zone's eviction state.
 *
 * <p>A statefulset counts as one workload under either strategy: its tasks name it as their
 * service, and under the swarm strategy, which runs each ordinal as a service of one replica or
 * none ({@code db-0}, ...), its desired count is the number of its ordinals' services that have one.
 */
public final class ChaosState {

    private final Scenario scenario;
    private final Strategy strategy;
    private final ClusterView view;
    private final Map<String, TaskSpec> specs = new HashMap<>();
    private final Map<String, Set<String>> heldBy = new HashMap<>();
    private final Map<String, Integer> replicas = new TreeMap<>();
    /** Under the swarm strategy: the replicas of each statefulset ordinal's own service. */
    private final Map<String, Integer> ordinals = new TreeMap<>();
    private final Map<String, String> updateState = new TreeMap<>();
    private final Map<String, ZoneStateChanged> zones = new TreeMap<>();
    private boolean leader;
    private long time;

    public ChaosState(Scenario scenario, Strategy strategy) {
        this.scenario = scenario;
        this.strategy = strategy;
        Map<String, NodeRole> roles = new LinkedHashMap<>();
        Map<String, Availability> availability = new LinkedHashMap<>();
        scenario.nodes().forEach(n -> {
            roles.put(n.name(), n.spec().role());
            availability.put(n.name(), n.availability());
        });
        this.view = new ClusterView(roles, availability);
    }

    /** Folds one event in. */
    public void apply(LoggedEvent logged) {
        time = logged.time();
        view.apply(logged);
        if (logged.event() instanceof TaskCreated e) {
            specs.put(e.task(), specOf(e.service(), logged.time()).task());
        } else if (logged.event() instanceof TaskStateChanged e) {
            heldBy.values().forEach(s -> s.remove(e.task()));
            if (e.node() != null && holds(e.state())) {
                heldBy.computeIfAbsent(e.node(), n -> new LinkedHashSet<>()).add(e.task());
            }
        } else if (logged.event() instanceof LeaderChanged e) {
            leader = e.state().equals("leader");
        } else if (logged.event() instanceof ServiceChanged e) {
            Optional<String> set = statefulSetOfOrdinal(e.service());
            if (set.isPresent()) {
                ordinals.put(e.service(), e.replicas());
                replicas.put(set.get(), ordinals.entrySet().stream()
                        .filter(o -> statefulSetOfOrdinal(o.getKey()).equals(set)).mapToInt(Map.Entry::getValue).sum());
            } else {
                replicas.put(e.service(), e.replicas());
            }
        } else if (logged.event() instanceof UpdateStatusChanged e) {
            updateState.put(e.service(), e.state());
        } else if (logged.event() instanceof ZoneStateChanged e) {
            zones.put(e.zone(), e);
        }
    }

    /** A task in one of these states is really on its node: accepted there, up to running. */
    public static boolean holds(TaskState state) {
        return state.compareTo(TaskState.ACCEPTED) >= 0 && state.compareTo(TaskState.RUNNING) <= 0;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Strategy strategy() {
        return strategy;
    }

    public ClusterView view() {
        return view;
    }

    public long time() {
        return time;
    }

    public boolean hasLeader() {
        return leader;
    }

    /** The tasks that are really on {@code node} (accepted up to running), in the order they got there. */
    public List<TaskView> heldOn(String node) {
        List<TaskView> out = new ArrayList<>();
        for (String id : heldBy.getOrDefault(node, Set.of())) {
            view.task(id).ifPresent(out::add);
        }
        return out;
    }

    /** The spec the task was created from. */
    public Optional<TaskSpec> spec(String task) {
        return Optional.ofNullable(specs.get(task));
    }

    /** The replica count the manager last recorded for each service. */
    public Map<String, Integer> replicas() {
        return replicas;
    }

    /** The last rolling-update state of the service ({@code updating}, {@code paused}, ...), if it had one. */
    public Optional<String> updateState(String service) {
        return Optional.ofNullable(updateState.get(service));
    }

    /** Each zone's last state (kubernetes strategy). */
    public Map<String, ZoneStateChanged> zones() {
        return zones;
    }

    /**
     * The service as it was last deployed by {@code time}: the file's own, or a timeline
     * {@code deploy}'s (an {@code update} changes only the image and update settings, which no
     * invariant reads, and {@code scale} only the count).
     */
    public ServiceSpec specOf(String service, long at) {
        if (isStatefulSet(service)) {
            StatefulSetDecl set = statefulSet(service, at);
            return new ServiceSpec(set.name(), ServiceMode.REPLICATED, set.replicas(), set.task(), UpdateConfig.DEFAULT,
                    UpdateConfig.DEFAULT, EndpointMode.DNSRR);
        }
        ServiceSpec found = null;
        for (ServiceSpec s : scenario.services()) {
            if (s.name().equals(service)) {
                found = s;
            }
        }
        for (TimelineItem item : scenario.timeline()) {
            if (item.at() <= at && item.action() instanceof Action.Deploy d) {
                for (ServiceSpec s : d.services()) {
                    if (s.name().equals(service)) {
                        found = s;
                    }
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException("a task of service '" + service + "', which the scenario never deploys");
        }
        return found;
    }

    /** Whether the scenario deploys a statefulset of that name, in the file or on its timeline. */
    public boolean isStatefulSet(String name) {
        return statefulSets().anyMatch(s -> s.name().equals(name));
    }

    /** Whether the statefulset, as last deployed, starts and stops its pods one at a time, each ready first. */
    public boolean orderedReady(String name) {
        return statefulSet(name, time).podManagementPolicy() == PodManagementPolicy.ORDERED_READY;
    }

    /** The statefulset whose ordinal's own service (swarm strategy) {@code service} is: {@code db} of {@code db-0}. */
    private Optional<String> statefulSetOfOrdinal(String service) {
        int dash = service.lastIndexOf('-');
        if (dash < 0 || !service.substring(dash + 1).matches("[0-9]+")) {
            return Optional.empty();
        }
        String set = service.substring(0, dash);
        return isStatefulSet(set) && !isService(service) ? Optional.of(set) : Optional.empty();
    }

    private boolean isService(String name) {
        return scenario.services().stream().anyMatch(s -> s.name().equals(name)) || scenario.timeline().stream()
                .anyMatch(i -> i.action() instanceof Action.Deploy d && d.services().stream().anyMatch(s -> s.name().equals(name)));
    }

    private Stream<StatefulSetDecl> statefulSets() {
        return Stream.concat(scenario.statefulsets().stream(), scenario.timeline().stream()
                .filter(i -> i.action() instanceof Action.Deploy)
                .flatMap(i -> ((Action.Deploy) i.action()).statefulsets().stream()));
    }

    /** The statefulset as it was last deployed by {@code at}. */
    private StatefulSetDecl statefulSet(String name, long at) {
        StatefulSetDecl found = null;
        for (StatefulSetDecl s : scenario.statefulsets()) {
            if (s.name().equals(name)) {
                found = s;
            }
        }
        for (TimelineItem item : scenario.timeline()) {
            if (item.at() <= at && item.action() instanceof Action.Deploy d) {
                for (StatefulSetDecl s : d.statefulsets()) {
                    if (s.name().equals(name)) {
                        found = s;
                    }
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException("a task of statefulset '" + name + "', which is deployed later");
        }
        return found;
    }
}
