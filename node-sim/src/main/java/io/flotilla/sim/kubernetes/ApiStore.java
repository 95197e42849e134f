package io.flotilla.sim.kubernetes;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API server's objects: nodes, deployments (each holding its ReplicaSets) and pods. Maps keep
 * insertion order, so every controller pass walks them the same way in every run.
 */
final class ApiStore {

    final Map<String, NodeState> nodes = new LinkedHashMap<>();
    final Map<String, DeploymentState> deployments = new LinkedHashMap<>();
    /** Pods that exist (Terminating ones included), oldest first; change them through add and remove. */
    final Map<String, PodState> pods = new LinkedHashMap<>();
    /** The same pods by service, so a controller pass reads its own pods, not the whole cluster's. */
    private final Map<String, Map<String, PodState>> podsByService = new HashMap<>();
    private final Map<String, Integer> podCounter = new HashMap<>();

    /** A fresh, unique pod id for a slot: {@code web.3#1}, {@code web.3#2}, ... */
    String nextPodId(String name) {
        return name + "#" + podCounter.merge(name, 1, Integer::sum);
    }

    List<PodState> podsOn(String node) {
        return pods.values().stream().filter(p -> node.equals(p.node)).toList();
    }

    /** The service's pods, oldest first: a live view, not to be iterated while pods come or go. */
    Collection<PodState> podsOf(String service) {
        return Collections.unmodifiableCollection(podsByService.getOrDefault(service, Map.of()).values());
    }

    void add(PodState p) {
        pods.put(p.id, p);
        podsByService.computeIfAbsent(p.service, s -> new LinkedHashMap<>()).put(p.id, p);
    }

    /** Removes the pod; null when it was not there. */
    PodState remove(String id) {
        PodState p = pods.remove(id);
        if (p != null) {
            podsByService.get(p.service).remove(id);
        }
        return p;
    }
}
