package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolume;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's objects: nodes, deployments (each holding its ReplicaSets), StatefulSets, pods,
 * storage classes, PersistentVolumeClaims and PersistentVolumes. Maps keep insertion order, so every
 * controller pass walks them the same way in every run.
 */
final class ApiStore {

    final Map<String, NodeState> nodes = new LinkedHashMap<>();
    final Map<String, DeploymentState> deployments = new LinkedHashMap<>();
    final Map<String, StatefulSetState> statefulSets = new LinkedHashMap<>();
    final Map<String, StorageClassSpec> storageClasses = new LinkedHashMap<>();
    /** Claims by name (one namespace). */
    final Map<String, PersistentVolumeClaim> claims = new LinkedHashMap<>();
    /** What deletes each claim along with itself ({@code statefulset db}, {@code pod db-3#2}); absent: nothing. */
    final Map<String, String> claimOwners = new HashMap<>();
    final Map<String, PersistentVolume> volumes = new LinkedHashMap<>();
    /** Pods that exist (Terminating ones included), oldest first; change them through add and remove. */
    final Map<String, PodState> pods = new LinkedHashMap<>();
    /** The same pods by service, so a controller pass reads its own pods, not the whole cluster's. */
    private final Map<String, Map<String, PodState>> podsByService = new HashMap<>();
    /** Every pod name given in the run, so that none is given twice. */
    private final Set<String> podNames = new HashSet<>();

    /**
     * Takes {@code name} for a new pod; false when a pod of the run had it already. Upstream only
     * refuses the name of a pod that still exists; never reusing one keeps a pod's name its identity
     * in the event log.
     */
    boolean claimPodName(String name) {
        return podNames.add(name);
    }

    /** Every workload's name: Deployments and DaemonSets, then StatefulSets. */
    List<String> workloads() {
        List<String> out = new ArrayList<>(deployments.keySet());
        out.addAll(statefulSets.keySet());
        return out;
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

    /** Removes the pod; false when it was not there. */
    boolean remove(PodState p) {
        if (pods.remove(p.id) == null) {
            return false;
        }
        podsByService.get(p.service).remove(p.id);
        return true;
    }
}
