package io.flotilla.scenarios.parse;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the timeline has done so far, as far as the file tells it: which nodes are down (crashed
 * and not restarted since), each node's availability, whether a partition is in place, which links
 * are down, which tasks' health checks it made fail, which tasks' containers it paused or ended, how
 * many replicas each replicated workload asks for, which registries are down, and what each node's
 * firewall drops. Items are bound in time order, so each binder meets the state its item meets; the
 * warnings about actions that can be seen to do nothing are made of it.
 */
final class TimelineState {

    private final Map<String, Long> crashedAt = new HashMap<>();
    private final Map<String, Long> restartedAt = new HashMap<>();
    private final Map<String, Integer> replicas = new HashMap<>();
    private final Map<Set<String>, Long> linksDown = new HashMap<>();
    private final Map<String, Availability> availability = new HashMap<>();
    private boolean partitioned;
    private final Map<String, Long> unhealthyAt = new HashMap<>();
    /** Each backup the timeline takes, by name: its volume and its time. */
    private final Map<String, Backup> backups = new HashMap<>();

    /** A backup the timeline takes. */
    record Backup(String volume, long at) {}
    private final Map<String, Long> registriesDown = new HashMap<>();
    /** The rules each node's firewall drops, as the timeline set them. */
    private final Map<String, Set<FirewallRule>> firewalls = new HashMap<>();
    private final Map<String, Long> pausedAt = new HashMap<>();
    private final Set<String> ended = new HashSet<>();

    /**
     * The state at time 0: every node up at its declared availability, the file's services and
     * statefulsets at their replica counts.
     */
    static TimelineState of(List<NodeDecl> nodes, List<ServiceSpec> services, List<StatefulSetDecl> statefulsets) {
        TimelineState state = new TimelineState();
        nodes.forEach(n -> state.availability.put(n.spec().name(), n.availability()));
        services.forEach(state::deployed);
        statefulsets.forEach(state::deployed);
        return state;
    }

    void crashed(String node, long at) {
        crashedAt.put(node, at);
    }

    void restarted(String node, long at) {
        crashedAt.remove(node);
        restartedAt.put(node, at);
    }

    /** When the node crashed, if it is down now. */
    OptionalLong downSince(String node) {
        Long at = crashedAt.get(node);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** When the node was last restarted, if it was. */
    OptionalLong restartedAt(String node) {
        Long at = restartedAt.get(node);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    void linkDown(String a, String b, long at) {
        linksDown.put(Set.of(a, b), at);
    }

    void linkUp(String a, String b) {
        linksDown.remove(Set.of(a, b));
    }

    /** {@code heal: all} brings every link back, as well as ending every partition. */
    void healed() {
        linksDown.clear();
        partitioned = false;
    }

    void partitioned() {
        partitioned = true;
    }

    /** Whether a partition or a link cut is in place, which a {@code heal} would lift. */
    boolean hasCuts() {
        return partitioned || !linksDown.isEmpty();
    }

    /** The operator set the node's availability ({@code drain}, {@code pause}, {@code activate}). */
    void availability(String node, Availability to) {
        availability.put(node, to);
    }

    /** The node's availability now, as declared or last set by the timeline. */
    Optional<Availability> availability(String node) {
        return Optional.ofNullable(availability.get(node));
    }

    /** When the link between the two nodes went down, if it is down now. */
    OptionalLong linkDownSince(String a, String b) {
        Long at = linksDown.get(Set.of(a, b));
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The timeline made the task's health check fail ({@code healthy} false) or pass again. */
    void health(String task, boolean healthy, long at) {
        if (healthy) {
            unhealthyAt.remove(task);
        } else {
            unhealthyAt.putIfAbsent(task, at);
        }
    }

    /** When the timeline made the task's check fail, if it has not made it pass since. */
    OptionalLong unhealthySince(String task) {
        Long at = unhealthyAt.get(task);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    void backedUp(String name, String volume, long at) {
        backups.put(name, new Backup(volume, at));
    }

    /** The backup of that name taken by an earlier item, if one was. */
    Optional<Backup> backup(String name) {
        return Optional.ofNullable(backups.get(name));
    }

    /** The names of the backups taken so far. */
    Set<String> backups() {
        return backups.keySet();
    }

    /** The timeline takes a registry down ({@code up} false) or brings it up. */
    void registry(String registry, boolean up, long at) {
        if (up) {
            registriesDown.remove(registry);
        } else {
            registriesDown.putIfAbsent(registry, at);
        }
    }

    /** When the registry went down, if it is down now. */
    OptionalLong registryDownSince(String registry) {
        Long at = registriesDown.get(registry);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The timeline makes the node's firewall drop {@code rule}, or accept it again; false when it did so already. */
    boolean firewall(String node, FirewallRule rule, boolean drop) {
        Set<FirewallRule> dropped = firewalls.computeIfAbsent(node, n -> new HashSet<>());
        return drop ? dropped.add(rule) : dropped.remove(rule);
    }

    /** Whether the node's firewall drops {@code rule}, as the timeline set it so far. */
    boolean drops(String node, FirewallRule rule) {
        return firewalls.getOrDefault(node, Set.of()).contains(rule);
    }

    /** The timeline paused the task's container ({@code docker pause}), or thawed it. */
    void paused(String task, boolean paused, long at) {
        if (paused) {
            pausedAt.putIfAbsent(task, at);
        } else {
            pausedAt.remove(task);
        }
    }

    /** When the timeline paused the task's container, if nothing has thawed or ended it since. */
    OptionalLong pausedSince(String task) {
        Long at = pausedAt.get(task);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /**
     * The timeline ended the task's container ({@code stop}, {@code remove}, {@code kill_task}): it is
     * no longer paused, and a later {@code start} may find it stopped.
     */
    void ended(String task) {
        pausedAt.remove(task);
        ended.add(task);
    }

    /** Whether the timeline ever ended the task's container before this item. */
    boolean everEnded(String task) {
        return ended.contains(task);
    }

    void deployed(ServiceSpec service) {
        if (service.mode() == ServiceMode.GLOBAL) {
            replicas.remove(service.name());
        } else {
            replicas.put(service.name(), service.replicas());
        }
    }

    void deployed(StatefulSetDecl statefulset) {
        replicas.put(statefulset.name(), statefulset.replicas());
    }

    void scaled(String workload, int count) {
        replicas.put(workload, count);
    }

    /** The replica count a replicated service or statefulset asks for now. */
    OptionalInt replicas(String workload) {
        return Optional.ofNullable(replicas.get(workload)).map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
