package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolume;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Map<String, StorageClassSpec> storageClassesByName = new LinkedHashMap<>();
    /** Read-only: changed through {@link #putStorageClass}, which {@link #takeChangedClaims} counts. */
    final Map<String, StorageClassSpec> storageClasses = Collections.unmodifiableMap(storageClassesByName);
    private final Map<String, PersistentVolumeClaim> claimsByName = new LinkedHashMap<>();
    /** Claims by name (one namespace), read-only: changed through {@link #putClaim} and {@link #removeClaim}. */
    final Map<String, PersistentVolumeClaim> claims = Collections.unmodifiableMap(claimsByName);
    /** What deletes each claim along with itself ({@code statefulset db}, {@code pod db-3#2}); absent: nothing. */
    final Map<String, String> claimOwners = new HashMap<>();
    final Map<String, PersistentVolume> volumes = new LinkedHashMap<>();
    /** Pods that exist (Terminating ones included), oldest first; change them through add and remove. */
    final Map<String, PodState> pods = new LinkedHashMap<>();
    /** The same pods by service, so a controller pass reads its own pods, not the whole cluster's. */
    private final Map<String, Map<String, PodState>> podsByService = new HashMap<>();
    /** By claim, the pods that mount it, oldest first: the storage controllers read only these. */
    private final Map<String, List<PodState>> podsByClaim = new HashMap<>();
    /** The bound pods by node, each node's oldest first, so that a node's pods are found without a scan. */
    private final Map<String, List<PodState>> podsByNode = new HashMap<>();
    /** Per service, the slots its pods that are not Terminating hold, and how many hold each. */
    private final Map<String, SlotsInUse> slotsByService = new HashMap<>();
    /** How many pods were ever added: a pod's place in {@link #pods}, which orders each node's pods. */
    private long added;
    private long nodeObjectChanges;
    /**
     * The claims whose part of the attach/detach controller's desired state may have changed since
     * it last took them: the claim, its storage class, or a pod that mounts it (its phase, its
     * deletion, its node, its coming or going).
     */
    private final Set<String> changedClaims = new HashSet<>();
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

    /** The pods bound to the node, oldest first: a copy, which may be iterated while pods come or go. */
    List<PodState> podsOn(String node) {
        return List.copyOf(podsByNode.getOrDefault(node, List.of()));
    }

    /** The lowest slot, from 1, that none of the service's pods holds unless it is Terminating. */
    int lowestFreeSlot(String service) {
        SlotsInUse slots = slotsByService.get(service);
        return slots == null ? 1 : slots.lowestFree();
    }

    /**
     * How many times a Node object was replaced or deleted: the node its pods read changes then,
     * without a word about the pods.
     */
    long nodeObjectChanges() {
        return nodeObjectChanges;
    }

    /** The claims changed since the last call (see {@link #changedClaims}), emptied. */
    Set<String> takeChangedClaims() {
        Set<String> taken = new HashSet<>(changedClaims);
        changedClaims.clear();
        return taken;
    }

    void putStorageClass(StorageClassSpec spec) {
        storageClassesByName.put(spec.name(), spec);
        changedClaims.addAll(claimsByName.keySet());
        changedClaims.addAll(podsByClaim.keySet());
    }

    void putClaim(PersistentVolumeClaim claim) {
        claimsByName.put(claim.name(), claim);
        changedClaims.add(claim.name());
    }

    void removeClaim(String name) {
        claimsByName.remove(name);
        changedClaims.add(name);
    }

    /** Stores the Node object, in place of any of the same name. */
    void putNode(NodeState node) {
        NodeState before = nodes.put(node.name(), node);
        if (before != null) {
            nodeObjectChanges++;
            before.gone = true;
            nodeReadinessChanged(node);
        }
    }

    /**
     * Something the pod's Ready condition reads changed (its phase, its readiness probe, its
     * deletion, its node): its ReplicaSet's count of ready pods follows.
     */
    void readinessMayHaveChanged(PodState p) {
        changedClaims.addAll(p.claims());
        boolean ready = pods.get(p.id) == p && p.isReady(nodeOf(p));
        if (ready != p.countedReady) {
            p.countedReady = ready;
            p.replicaSet.readyPods += ready ? 1 : -1;
        }
    }

    /** The node's Ready condition changed, or its Node object: so may every pod's on it. */
    void nodeReadinessChanged(NodeState node) {
        for (PodState p : podsByNode.getOrDefault(node.name(), List.of())) {
            readinessMayHaveChanged(p);
        }
    }

    /** Deletes the Node object; empty when there was none of that name. */
    Optional<NodeState> removeNode(String name) {
        NodeState node = nodes.remove(name);
        if (node != null) {
            nodeObjectChanges++;
            node.gone = true;
            nodeReadinessChanged(node);
        }
        return Optional.ofNullable(node);
    }

    /**
     * The Node object of the node the pod is bound to ({@code nodes.get(p.node)}), null when it is
     * not bound or there is no such node; without a map lookup while the node it was bound to exists.
     * Null rather than Optional: it is read for every pod on the controllers' hot paths.
     */
    NodeState nodeOf(PodState p) {
        if (p.node == null) {
            return null;
        }
        NodeState n = p.boundNode;
        return n != null && !n.gone ? n : nodes.get(p.node);
    }

    /** Binds the pod to the node: its {@code node}, and the node's pods. */
    void bind(PodState p, String node) {
        p.node = node;
        p.boundNode = nodes.get(node);
        List<PodState> onNode = podsByNode.computeIfAbsent(node, n -> new ArrayList<>());
        int at = onNode.size();
        while (at > 0 && onNode.get(at - 1).storeOrder > p.storeOrder) {
            at--; // pods are mostly bound in the order they were created: this walks back a step or none
        }
        onNode.add(at, p);
        readinessMayHaveChanged(p);
    }

    /** The pod is Terminating (its {@code deletionTimestamp} is set): its slot is free for a new pod. */
    void markDeleting(PodState p) {
        if (!p.deleting) {
            p.deleting = true;
            if (pods.get(p.id) == p) {
                slotsByService.get(p.service).release(p.slot);
                p.replicaSet.activePods--;
                readinessMayHaveChanged(p);
            }
        }
    }

    /** The service's pods, oldest first: a live view, not to be iterated while pods come or go. */
    Collection<PodState> podsOf(String service) {
        return Collections.unmodifiableCollection(podsByService.getOrDefault(service, Map.of()).values());
    }

    /** The pods that mount the claim, oldest first: a live view, not to be iterated while pods come or go. */
    List<PodState> podsWithClaim(String claim) {
        return Collections.unmodifiableList(podsByClaim.getOrDefault(claim, List.of()));
    }

    void add(PodState p) {
        p.storeOrder = ++added;
        pods.put(p.id, p);
        for (String claim : p.claims()) {
            podsByClaim.computeIfAbsent(claim, c -> new ArrayList<>()).add(p); // the newest pod: last
        }
        podsByService.computeIfAbsent(p.service, s -> new LinkedHashMap<>()).put(p.id, p);
        if (!p.deleting) {
            slotsByService.computeIfAbsent(p.service, s -> new SlotsInUse()).hold(p.slot);
            p.replicaSet.activePods++;
        }
        if (p.node != null) {
            bind(p, p.node);
        }
        readinessMayHaveChanged(p);
    }

    /** Removes the pod; false when it was not there. */
    boolean remove(PodState p) {
        if (pods.remove(p.id) == null) {
            return false;
        }
        for (String claim : p.claims()) {
            List<PodState> using = podsByClaim.get(claim);
            if (using != null && using.remove(p) && using.isEmpty()) {
                podsByClaim.remove(claim);
            }
        }
        podsByService.get(p.service).remove(p.id);
        if (!p.deleting) {
            slotsByService.get(p.service).release(p.slot);
            p.replicaSet.activePods--;
        }
        readinessMayHaveChanged(p);
        if (p.node != null) {
            List<PodState> onNode = podsByNode.get(p.node);
            onNode.remove(p);
            if (onNode.isEmpty()) {
                podsByNode.remove(p.node);
            }
        }
        return true;
    }

    /** Slots held, with how many pods hold each (one, unless slots were given twice). */
    private static final class SlotsInUse {
        private final Map<Integer, Integer> holders = new HashMap<>();
        private final BitSet held = new BitSet();

        void hold(int slot) {
            holders.merge(slot, 1, Integer::sum);
            if (slot >= 0) {
                held.set(slot);
            }
        }

        void release(int slot) {
            if (holders.merge(slot, -1, Integer::sum) == 0) {
                holders.remove(slot);
                if (slot >= 0) {
                    held.clear(slot);
                }
            }
        }

        int lowestFree() {
            return held.nextClearBit(1);
        }
    }
}
