package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the scenario asks of each service and statefulset over time: whether it is global, its
 * replica count (from its deploy, changed by each {@code scale}) and what each of its tasks
 * reserves. This is the operator's wish, the same for every strategy, whatever the cluster made
 * of it.
 */
final class Workloads {

    /** The workload as asked for from virtual time {@code from} on. */
    record Version(long from, boolean global, int replicas, Resources reservations) {}

    private final Map<String, List<Version>> versions = new LinkedHashMap<>();
    private final Set<String> statefulsets = new LinkedHashSet<>();
    private boolean claims;

    static Workloads of(Scenario scenario) {
        Workloads workloads = new Workloads();
        scenario.services().forEach(s -> workloads.deploy(0, s));
        scenario.statefulsets().forEach(s -> workloads.deploy(0, s));
        for (TimelineItem item : scenario.timeline()) {
            if (item.action() instanceof Action.Deploy d) {
                d.services().forEach(s -> workloads.deploy(item.at(), s));
                d.statefulsets().forEach(s -> workloads.deploy(item.at(), s));
            } else if (item.action() instanceof Action.Scale s) {
                s.replicas().forEach((name, replicas) -> workloads.scale(item.at(), name, replicas));
            }
        }
        return workloads;
    }

    /**
     * True when the scenario keeps data in volumes: it declares volumes (services mount them) or a
     * statefulset has claim templates. {@code compare} measures the data lost only then.
     */
    static boolean storage(Scenario scenario) {
        return !scenario.volumes().isEmpty() || of(scenario).claims;
    }

    /** The statefulsets the scenario deploys, in the order they first appear. */
    Set<String> statefulsets() {
        return Collections.unmodifiableSet(statefulsets);
    }

    /** Every workload the scenario deploys, in the order they first appear. */
    List<String> names() {
        return List.copyOf(versions.keySet());
    }

    /** The workload as asked for at {@code time}; empty before it is deployed. */
    Optional<Version> at(String name, long time) {
        List<Version> list = versions.getOrDefault(name, List.of());
        Version found = null;
        for (Version v : list) {
            if (v.from() <= time) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    private void deploy(long at, ServiceSpec s) {
        add(s.name(), new Version(at, s.mode() == ServiceMode.GLOBAL, s.replicas(), s.task().reservations()));
    }

    private void deploy(long at, StatefulSetDecl s) {
        statefulsets.add(s.name());
        claims |= !s.volumeClaimTemplates().isEmpty();
        add(s.name(), new Version(at, false, s.replicas(), s.task().reservations()));
    }

    private void scale(long at, String name, int replicas) {
        at(name, at).ifPresent(v -> add(name, new Version(at, v.global(), replicas, v.reservations())));
    }

    private void add(String name, Version version) {
        versions.computeIfAbsent(name, n -> new ArrayList<>()).add(version);
    }
}
