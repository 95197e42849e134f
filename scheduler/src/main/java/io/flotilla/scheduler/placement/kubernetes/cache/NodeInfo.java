package io.flotilla.scheduler.placement.kubernetes.cache;

import io.flotilla.scheduler.placement.kubernetes.HostPort;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.ResourceNames;
import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node with the aggregates the plugins read (upstream {@code framework.NodeInfo}): the pods bound
 * to it, their summed real requests (Filter, BalancedAllocation), their summed non-zero requests
 * (NodeResourcesFit scoring) and the host ports they use. Only the {@link Cache} changes it, in place;
 * plugins read it, and for the hot per-node values they read the {@link NodeTable} row instead.
 */
public final class NodeInfo {

    /** The node as last set; while {@code imagesAhead}, {@link #images} holds pulls it has not got. */
    private KubeNode node;
    private boolean imagesAhead;
    private final String name;
    /** Position in the cluster's dense node numbering; indexes per-node arrays. */
    int index;
    private Map<String, String> labels;
    /** Allocatable, read once from the spec: plugins ask for it for every node of every cycle. */
    long allocatableMilliCpu;
    long allocatableMemory;
    long allocatableEphemeralStorage;
    long allocatablePods;
    private Map<String, Long> allocatableExtended;
    /** Normalised image name to size in bytes. */
    Map<String, Long> images;
    boolean unschedulable;
    /** Whether some taint has effect PreferNoSchedule (only those score). */
    boolean preferNoScheduleTaints;
    /** Whether some taint has effect NoSchedule or NoExecute (only those filter). */
    boolean filteringTaints;
    int podCount;

    long requestedMilliCpu;
    long requestedMemory;
    long requestedEphemeralStorage;
    private final Map<String, Long> requestedExtended = new HashMap<>();
    long nonZeroMilliCpu;
    long nonZeroMemory;
    final ArrayList<PodInfo> pods = new ArrayList<>();
    private final List<PodInfo> podsView = Collections.unmodifiableList(pods);
    private final ArrayList<HostPort> usedPorts = new ArrayList<>();
    private final List<HostPort> usedPortsView = Collections.unmodifiableList(usedPorts);

    NodeInfo(KubeNode node, int index) {
        this.name = node.name();
        this.index = index;
        setNode(node);
    }

    void setNode(KubeNode newNode) {
        this.node = newNode;
        this.imagesAhead = false;
        this.labels = Collections.unmodifiableMap(new HashMap<>(newNode.labels()));
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
        this.preferNoScheduleTaints = newNode.taints().stream().anyMatch(t -> t.effect() == TaintEffect.PREFER_NO_SCHEDULE);
        this.filteringTaints = newNode.taints().stream().anyMatch(t -> t.effect() != TaintEffect.PREFER_NO_SCHEDULE);
    }

    /**
     * One more image (normalised name) and nothing else changed: {@link #setNode} would copy the
     * labels, allocatable and images again and look through the taints. The {@link KubeNode}, which
     * copies every map it is made of, catches up only when {@link #node()} is read: kubelets pull far
     * more often than anything reads it.
     */
    void imageAdded(String image, long sizeBytes) {
        images.put(image, sizeBytes);
        imagesAhead = true;
    }

    /** The node as the cache last set it, with the images added since. */
    public KubeNode node() {
        if (imagesAhead) {
            node = node.withImages(images);
            imagesAhead = false;
        }
        return node;
    }

    public String name() {
        return name;
    }

    /** The node's row in the {@link NodeTable} and in every per-node array of the cache's indexes. */
    public int index() {
        return index;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public List<Taint> taints() {
        return node.taints(); // not node(): an image added since changes no taint
    }

    /** Whether some taint has effect PreferNoSchedule (only those score). */
    public boolean hasPreferNoScheduleTaints() {
        return preferNoScheduleTaints;
    }

    /** {@code spec.unschedulable}: cordoned. */
    public boolean unschedulable() {
        return unschedulable;
    }

    public long allocatable(String resource) {
        return switch (resource) {
            case ResourceNames.CPU -> allocatableMilliCpu;
            case ResourceNames.MEMORY -> allocatableMemory;
            case ResourceNames.EPHEMERAL_STORAGE -> allocatableEphemeralStorage;
            case ResourceNames.PODS -> allocatablePods;
            default -> allocatableExtended.getOrDefault(resource, 0L);
        };
    }

    public long allocatableMilliCpu() {
        return allocatableMilliCpu;
    }

    public long allocatableMemory() {
        return allocatableMemory;
    }

    public long allocatableEphemeralStorage() {
        return allocatableEphemeralStorage;
    }

    public long allocatablePods() {
        return allocatablePods;
    }

    /** What the bound pods request of an extended resource, by their real requests. */
    public long requestedExtended(String resource) {
        return requestedExtended.getOrDefault(resource, 0L);
    }

    public long requestedMilliCpu() {
        return requestedMilliCpu;
    }

    public long requestedMemory() {
        return requestedMemory;
    }

    public long requestedEphemeralStorage() {
        return requestedEphemeralStorage;
    }

    public int podCount() {
        return podCount;
    }

    /** The pods bound to the node, in bind order. */
    public List<PodInfo> pods() {
        return podsView;
    }

    /** The host ports the bound pods use, one entry per pod and port. */
    public List<HostPort> usedPorts() {
        return usedPortsView;
    }

    void add(PodInfo p) {
        pods.add(p);
        podCount++;
        account(p, 1);
        for (HostPort hp : p.pod().hostPorts()) {
            if (hp.port() > 0) {
                usedPorts.add(hp);
            }
        }
    }

    void remove(PodInfo p) {
        pods.remove(p);
        podCount--;
        account(p, -1);
        for (HostPort hp : p.pod().hostPorts()) {
            if (hp.port() > 0) {
                usedPorts.remove(hp);
            }
        }
    }

    private void account(PodInfo p, int sign) {
        requestedMilliCpu += sign * p.milliCpu();
        requestedMemory += sign * p.memory();
        requestedEphemeralStorage += sign * p.ephemeralStorage();
        nonZeroMilliCpu += sign * p.nonZeroMilliCpu();
        nonZeroMemory += sign * p.nonZeroMemory();
        p.extended().forEach((k, v) -> requestedExtended.merge(k, sign * v, Long::sum));
    }

    @Override
    public String toString() {
        return name;
    }
}
