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

    long requestedMilliCpu;
    long requestedMemory;
    long requestedEphemeralStorage;
    final Map<String, Long> requestedExtended = new HashMap<>();
    long nonZeroMilliCpu;
    long nonZeroMemory;
    final ArrayList<PodInfo> pods = new ArrayList<>();
    final ArrayList<HostPort> usedPorts = new ArrayList<>();

    NodeInfo(KubeNode node, int index) {
        this.name = node.name();
        this.index = index;
        setNode(node);
    }

    void setNode(KubeNode newNode) {
        this.node = newNode;
        this.labels = new HashMap<>(newNode.labels());
    }

    long allocatable(String resource) {
        return node.allocatable(resource);
    }

    /** Requested amount of one resource by name: real requests, or non-zero ones for cpu and memory. */
    long requested(String resource, boolean nonZero) {
        return switch (resource) {
            case ResourceNames.CPU -> nonZero ? nonZeroMilliCpu : requestedMilliCpu;
            case ResourceNames.MEMORY -> nonZero ? nonZeroMemory : requestedMemory;
            case ResourceNames.EPHEMERAL_STORAGE -> requestedEphemeralStorage;
            default -> requestedExtended.getOrDefault(resource, 0L);
        };
    }

    void add(PodInfo p) {
        pods.add(p);
        account(p, 1);
        for (HostPort hp : p.pod.hostPorts()) {
            if (hp.port() > 0) {
                usedPorts.add(hp);
            }
        }
    }

    void remove(PodInfo p) {
        pods.remove(p);
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
