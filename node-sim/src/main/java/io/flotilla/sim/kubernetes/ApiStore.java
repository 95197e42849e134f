package io.flotilla.sim.kubernetes;

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
    /** Pods that exist (Terminating ones included), oldest first. */
    final Map<String, PodState> pods = new LinkedHashMap<>();
    private final Map<String, Integer> podCounter = new HashMap<>();

    /** A fresh, unique pod id for a slot: {@code web.3#1}, {@code web.3#2}, ... */
    String nextPodId(String name) {
        return name + "#" + podCounter.merge(name, 1, Integer::sum);
    }

    List<PodState> podsOn(String node) {
        return pods.values().stream().filter(p -> node.equals(p.node)).toList();
    }

    List<PodState> podsOf(String service) {
        return pods.values().stream().filter(p -> p.service.equals(service)).toList();
    }
}
