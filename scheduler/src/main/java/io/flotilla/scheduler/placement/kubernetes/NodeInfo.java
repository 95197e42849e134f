package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node with the aggregates the plugins read (upstream {@code framework.NodeInfo}): the pods bound
 * to it, their summed real requests (Filter, BalancedAllocation), their summed non-zero requests
 * (NodeResourcesFit scoring) and the host ports they use. Updated in place by {@link ClusterState}.
 */
final class NodeInfo {

    KubeNode node;
    final String name;
    /** Position in the cluster's dense node numbering; indexes per-node arrays. */
    int index;
    Map<String, String> labels;
    /** Allocatable, read once from the spec: plugins ask for it for every node of every cycle. */
    long allocatableMilliCpu;
    long allocatableMemory;
    long allocatableEphemeralStorage;
    long allocatablePods;
    Map<String, Long> allocatableExtended;
    /** Normalised image name to size in bytes. */
    Map<String, Long> images;
    boolean unschedulable;
    Taint[] taints;
    /** Whether some taint has effect PreferNoSchedule (only those score). */
    boolean preferNoScheduleTaints;
    /** Whether some taint has effect NoSchedule or NoExecute (only those filter). */
    boolean filteringTaints;
    int podCount;

    long requestedMilliCpu;
    long requestedMemory;
    long requestedEphemeralStorage;
    final Map<String, Long> requestedExtended = new HashMap<>();
    long nonZeroMilliCpu;
    long nonZeroMemory;
    final ArrayList<PodInfo> pods = new ArrayList<>();
    final ArrayList<HostPort> usedPorts = new ArrayList<>();

    private static final Taint[] NO_TAINTS = {};

    NodeInfo(KubeNode node, int index) {
        this.name = node.name();
        this.index = index;
        setNode(node);
    }

    void setNode(KubeNode newNode) {
        this.node = newNode;
        this.labels = new HashMap<>(newNode.labels());
        this.allocatableMilliCpu = newNode.allocatable(ResourceNames.CPU);
        this.allocatableMemory = newNode.allocatable(ResourceNames.MEMORY);
        this.allocatableEphemeralStorage = newNode.allocatable(ResourceNames.EPHEMERAL_STORAGE);
        this.allocatablePods = newNode.allocatable(ResourceNames.PODS);
        this.allocatableExtended = new HashMap<>();
        newNode.allocatable().forEach((k, v) -> {
            if (ResourceNames.isExtended(k)) {
                allocatableExtended.put(k, v);
            }
        });
        this.images = new HashMap<>(newNode.images());
        this.unschedulable = newNode.unschedulable();
        this.taints = newNode.taints().isEmpty() ? NO_TAINTS : newNode.taints().toArray(new Taint[0]);
        this.preferNoScheduleTaints = newNode.taints().stream().anyMatch(t -> t.effect() == TaintEffect.PREFER_NO_SCHEDULE);
        this.filteringTaints = newNode.taints().stream().anyMatch(t -> t.effect() != TaintEffect.PREFER_NO_SCHEDULE);
    }

    long allocatable(String resource) {
        return switch (resource) {
            case ResourceNames.CPU -> allocatableMilliCpu;
            case ResourceNames.MEMORY -> allocatableMemory;
            case ResourceNames.EPHEMERAL_STORAGE -> allocatableEphemeralStorage;
            case ResourceNames.PODS -> allocatablePods;
            default -> allocatableExtended.getOrDefault(resource, 0L);
        };
    }

    void add(PodInfo p) {
        pods.add(p);
        podCount++;
        account(p, 1);
        for (HostPort hp : p.pod.hostPorts()) {
            if (hp.port() > 0) {
                usedPorts.add(hp);
            }
        }
    }

    void remove(PodInfo p) {
        pods.remove(p);
        podCount--;
        account(p, -1);
        for (HostPort hp : p.pod.hostPorts()) {
            if (hp.port() > 0) {
                usedPorts.remove(hp);
            }
        }
    }

    private void account(PodInfo p, int sign) {
        requestedMilliCpu += sign * p.milliCpu;
        requestedMemory += sign * p.memory;
        requestedEphemeralStorage += sign * p.ephemeralStorage;
        nonZeroMilliCpu += sign * p.nonZeroMilliCpu;
        nonZeroMemory += sign * p.nonZeroMemory;
        p.extended.forEach((k, v) -> requestedExtended.merge(k, sign * v, Long::sum));
    }

    List<PodInfo> pods() {
        return pods;
    }

    @Override
    public String toString() {
        return name;
    }
}
