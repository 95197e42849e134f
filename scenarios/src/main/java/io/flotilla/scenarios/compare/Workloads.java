package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        add(s.name(), new Version(at, false, s.replicas(), s.task().reservations()));
    }

    private void scale(long at, String name, int replicas) {
        at(name, at).ifPresent(v -> add(name, new Version(at, v.global(), replicas, v.reservations())));
    }

    private void add(String name, Version version) {
        versions.computeIfAbsent(name, n -> new ArrayList<>()).add(version);
    }
}
