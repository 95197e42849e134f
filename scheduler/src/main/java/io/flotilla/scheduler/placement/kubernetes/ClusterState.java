package io.flotilla.scheduler.placement.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's view of the cluster (upstream scheduler cache and snapshot): nodes, the pods bound
 * to them, and the indexes the plugins read, all kept in a {@link Cache} that this class wraps and
 * keeps to itself. It is updated in place and incrementally: binding a pod counts for the very next
 * cycle without rebuilding anything, so that tens of thousands of pods on thousands of nodes cost
 * per pod, not per cluster.
 *
 * <p>Nodes are listed as upstream's node tree lists them: round robin over zones (region and zone
 * labels) in the order the zones appeared, each zone's nodes in the order they were added. The
 * filter walks that list from {@link #nextStartNodeIndex()}, which rotates between cycles.
 *
 * <p>Not thread-safe; the simulation owns one per manager and calls it from one place.
 */
public final class ClusterState {

    /** What {@link KubernetesPlacement} schedules against. */
    final Cache cache = new Cache();

    public ClusterState() {}

    public static ClusterState of(Collection<KubeNode> nodes) {
        ClusterState s = new ClusterState();
        nodes.forEach(s::addNode);
        return s;
    }

    /** Adds a node without pods. @throws IllegalArgumentException if the name is taken */
    public void addNode(KubeNode node) {
        cache.addNode(node);
    }

    /** Replaces a node's spec (labels, taints, cordon, allocatable, images), keeping its pods. */
    public void updateNode(KubeNode node) {
        cache.updateNode(node);
    }

    /**
     * Adds an image the node's kubelet pulled, as {@link #updateNode} with the node's spec plus
     * that image would, when nothing else of the node changed since its last update; cheaper,
     * since it does not read the rest of the node again.
     *
     * @return false, changing nothing, when the node holds the image (name normalised) already;
     *     then {@link #updateNode} decides which size it keeps
     * @throws IllegalArgumentException if the node is unknown
     */
    public boolean addImage(String node, String image, long sizeBytes) {
        return cache.addImage(node, image, sizeBytes);
    }

    /** Removes a node and forgets the pods bound to it (their controllers will replace them). */
    public void removeNode(String name) {
        cache.removeNode(name);
    }

    /**
     * Binds a pod to a node: the scheduler's assume plus the binding, or an existing pod loaded at
     * start. From now on it counts for every plugin.
     *
     * @throws IllegalArgumentException if the node is unknown or a pod of that key is bound already
     */
    public void bind(Pod pod, String nodeName) {
        cache.bind(pod, nodeName);
    }

    /** Removes a bound pod; returns the node it was on, empty if it was not bound. */
    public Optional<String> unbind(String podKey) {
        return cache.unbind(podKey);
    }

    /** The node a pod is bound to. */
    public Optional<String> nodeOf(String podKey) {
        return cache.nodeOf(podKey);
    }

    public Optional<KubeNode> node(String name) {
        return cache.node(name);
    }

    /** The pods bound to a node, in bind order. */
    public List<Pod> podsOn(String nodeName) {
        return cache.podsOn(nodeName);
    }

    public int nodeCount() {
        return cache.nodeCount();
    }

    public int podCount() {
        return cache.podCount();
    }

    /** Node names in filter order (zone round robin). */
    public List<String> nodeNames() {
        return cache.nodeNames();
    }

    /** Where the next cycle's filter starts in {@link #nodeNames()} (upstream {@code nextStartNodeIndex}). */
    public int nextStartNodeIndex() {
        return cache.nextStartNodeIndex();
    }

    /** Moves the filter start past the nodes a cycle processed, as upstream does after every cycle. */
    public void advanceStartIndex(int processedNodes) {
        cache.advanceStartIndex(processedNodes);
    }
}
