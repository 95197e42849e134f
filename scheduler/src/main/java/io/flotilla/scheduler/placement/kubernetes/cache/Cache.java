package io.flotilla.scheduler.placement.kubernetes.cache;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler's view of the cluster (upstream scheduler cache and snapshot in one): nodes in the
 * {@link NodeTree} order, the pods bound to them, and the indexes the plugins read. It is updated in
 * place and incrementally: binding a pod counts for the very next cycle without rebuilding anything,
 * so that tens of thousands of pods on thousands of nodes cost per pod, not per cluster.
 *
 * <p>The public {@code ClusterState} wraps one and shows only the operations of the cluster; the
 * rest is what the framework and the plugins read, and what preemption's dry run changes.
 *
 * <p>Not thread-safe; the simulation owns one per manager and calls it from one place.
 */
public final class Cache {

    private final ArrayList<NodeInfo> nodes = new ArrayList<>();
    private final List<NodeInfo> nodesView = Collections.unmodifiableList(nodes);
    private final HashMap<String, NodeInfo> byName = new HashMap<>();
    private final NodeTree tree = new NodeTree();
    private final HashMap<String, PodInfo> pods = new HashMap<>();
    private final HashMap<String, Integer> imageNodes = new HashMap<>();
    private final HashMap<String, long[]> imageSizes = new HashMap<>();
    private final HashMap<String, TopologyColumn> columns = new HashMap<>();
    private final NodeTable table = new NodeTable();
    private final SelectorIndex selectors = new SelectorIndex(this);
    private final AffinityIndex affinity = new AffinityIndex(this);
    private int preferNoScheduleNodes;
    private int nextStartNodeIndex;
    private long sequence;

    public Cache() {}

    public static Cache of(Collection<KubeNode> nodes) {
        Cache c = new Cache();
        nodes.forEach(c::addNode);
        return c;
    }

    /** Adds a node without pods. @throws IllegalArgumentException if the name is taken */
    public void addNode(KubeNode node) {
        if (byName.containsKey(node.name())) {
            throw new IllegalArgumentException("node " + node.name() + " already exists");
        }
        NodeInfo n = new NodeInfo(node, nodes.size());
        nodes.add(n);
        preferNoScheduleNodes += n.preferNoScheduleTaints ? 1 : 0;
        table.sync(n);
        byName.put(n.name(), n);
        tree.add(n);
        node.images().keySet().forEach(i -> imageNodes.merge(i, 1, Integer::sum));
        imageSizes.clear();
        for (TopologyColumn c : columns.values()) {
            c.nodeAdded(n);
        }
        selectors.nodeAdded(n);
    }

    /** Replaces a node's spec (labels, taints, cordon, allocatable, images), keeping its pods. */
    public void updateNode(KubeNode node) {
        NodeInfo n = existing(node.name());
        KubeNode old = n.node();
        Map<String, Long> oldImages = n.images;
        preferNoScheduleNodes -= n.preferNoScheduleTaints ? 1 : 0;
        old.images().keySet().forEach(i -> imageNodes.merge(i, -1, (a, b) -> a + b == 0 ? null : a + b));
        node.images().keySet().forEach(i -> imageNodes.merge(i, 1, Integer::sum));
        if (!old.labels().equals(node.labels())) {
            tree.relabel(n, old, node);
            n.setNode(node);
            rebuildIndexes();
        } else {
            n.setNode(node);
            imagesChanged(n, oldImages);
        }
        preferNoScheduleNodes += n.preferNoScheduleTaints ? 1 : 0;
        table.sync(n);
    }

    /**
     * Adds an image the node's kubelet pulled, leaving the cache as {@link #updateNode} with the
     * node's spec plus that image would, when nothing else of the node changed since its last
     * update. Only what an image changes is touched: the node's images, the count of nodes holding
     * it and its size in the node's column; labels, taints, cordon, allocatable and the
     * {@link NodeTable} row (which holds nothing of images) stay. A kubelet pulls an image for
     * every new pair of node and image, so this runs far more often than any other node update.
     *
     * @return false, changing nothing, when the node holds the (normalised) image already: which
     *     size wins between names that normalise alike is for the caller's full update to decide
     * @throws IllegalArgumentException if the node is unknown
     */
    public boolean addImage(String nodeName, String image, long sizeBytes) {
        NodeInfo n = existing(nodeName);
        String normalized = KubeNode.normalizedImageName(image);
        if (n.images.containsKey(normalized)) {
            return false;
        }
        n.imageAdded(normalized, sizeBytes);
        long[] sizes = imageSizes.get(normalized);
        if (imageNodes.merge(normalized, 1, Integer::sum) == 1) {
            // the first node to hold it: every other node's size is 0, so the column is whole at once,
            // and the first pod to score it later does not read each node's images for it
            sizes = new long[nodes.size()];
            imageSizes.put(normalized, sizes);
        }
        if (sizes != null) {
            sizes[n.index] = sizeBytes;
        }
        return true;
    }

    /**
     * The node's images changed: the sizes by node already worked out change in its column only, so
     * that a kubelet pulling an image does not make the next cycle read every node's images again.
     */
    private void imagesChanged(NodeInfo n, Map<String, Long> before) {
        for (Map.Entry<String, Long> e : before.entrySet()) {
            long[] sizes = imageSizes.get(e.getKey());
            if (sizes != null) {
                sizes[n.index] = n.images.getOrDefault(e.getKey(), 0L);
            }
        }
        for (Map.Entry<String, Long> e : n.images.entrySet()) {
            long[] sizes = imageSizes.get(e.getKey());
            if (sizes != null) {
                sizes[n.index] = e.getValue();
            }
        }
    }

    /** Removes a node and forgets the pods bound to it (their controllers will replace them). */
    public void removeNode(String name) {
        NodeInfo n = existing(name);
        preferNoScheduleNodes -= n.preferNoScheduleTaints ? 1 : 0;
        for (PodInfo p : List.copyOf(n.pods)) {
            pods.remove(p.key());
            selectors.podForgotten(p);
        }
        n.node().images().keySet().forEach(i -> imageNodes.merge(i, -1, Integer::sum));
        imageNodes.values().removeIf(c -> c == 0);
        nodes.remove(n.index);
        for (int i = n.index; i < nodes.size(); i++) {
            nodes.get(i).index = i;
        }
        byName.remove(name);
        tree.remove(n);
        table.rebuild(nodes);
        rebuildIndexes();
    }

    /**
     * Binds a pod to a node: the scheduler's assume plus the binding, or an existing pod loaded at
     * start. From now on it counts for every plugin.
     *
     * @throws IllegalArgumentException if the node is unknown or a pod of that key is bound already
     */
    public void bind(Pod pod, String nodeName) {
        bind(new PodInfo(pod), existing(nodeName));
    }

    /** {@link #bind(Pod, String)} for the pod a cycle scheduled onto one of this cache's nodes. */
    public void bind(PodInfo pod, NodeInfo node) {
        if (pods.containsKey(pod.key())) {
            throw new IllegalArgumentException("pod " + pod.key() + " is bound already");
        }
        attach(pod, node);
    }

    /** Removes a bound pod; returns the node it was on, empty if it was not bound. */
    public Optional<String> unbind(String podKey) {
        PodInfo p = pods.get(podKey);
        if (p == null) {
            return Optional.empty();
        }
        String node = p.node.name();
        detach(p);
        return Optional.of(node);
    }

    /** The node a pod is bound to. */
    public Optional<String> nodeOf(String podKey) {
        PodInfo p = pods.get(podKey);
        return p == null ? Optional.empty() : Optional.of(p.node.name());
    }

    public Optional<KubeNode> node(String name) {
        NodeInfo n = byName.get(name);
        return n == null ? Optional.empty() : Optional.of(n.node());
    }

    /** The pods bound to a node, in bind order. */
    public List<Pod> podsOn(String nodeName) {
        List<Pod> out = new ArrayList<>();
        existing(nodeName).pods.forEach(p -> out.add(p.pod()));
        return Collections.unmodifiableList(out);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int podCount() {
        return pods.size();
    }

    /** Node names in filter order (zone round robin). */
    public List<String> nodeNames() {
        List<String> out = new ArrayList<>();
        for (NodeInfo n : orderedNodes()) {
            out.add(n.name());
        }
        return out;
    }

    /** Where the next cycle's filter starts in {@link #nodeNames()} (upstream {@code nextStartNodeIndex}). */
    public int nextStartNodeIndex() {
        return nextStartNodeIndex;
    }

    /** Moves the filter start past the nodes a cycle processed, as upstream does after every cycle. */
    public void advanceStartIndex(int processedNodes) {
        int n = nodes.size();
        nextStartNodeIndex = n == 0 ? 0 : (nextStartNodeIndex + processedNodes) % n;
    }

    /** The nodes in filter order (the node tree's); a shared array, read only. */
    public NodeInfo[] orderedNodes() {
        return tree.list();
    }

    /** The indexes of {@link #orderedNodes()}, position by position; a shared array, read only. */
    public int[] orderedIndexes() {
        return tree.indexes();
    }

    /** The nodes by {@link NodeInfo#index()}. */
    public List<NodeInfo> nodesByIndex() {
        return nodesView;
    }

    /** The domains of one topology key over the cluster's nodes, built on first use. */
    public TopologyColumn column(String key) {
        TopologyColumn c = columns.get(key);
        if (c == null) {
            c = new TopologyColumn(key, nodes);
            columns.put(key, c);
        }
        return c;
    }

    public Optional<NodeInfo> nodeInfo(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public NodeTable table() {
        return table;
    }

    public SelectorIndex selectors() {
        return selectors;
    }

    public AffinityIndex affinity() {
        return affinity;
    }

    /** How many nodes carry a PreferNoSchedule taint. */
    public int preferNoScheduleNodes() {
        return preferNoScheduleNodes;
    }

    /** How many nodes hold the (normalised) image. */
    public int nodesWithImage(String image) {
        return imageNodes.getOrDefault(image, 0);
    }

    /** The size of the (normalised) image on each node, by node index, 0 where it is absent; read only. */
    public long[] imageSizes(String image) {
        long[] sizes = imageSizes.get(image);
        if (sizes == null) {
            sizes = new long[nodes.size()];
            for (NodeInfo n : nodes) {
                sizes[n.index] = n.images.getOrDefault(image, 0L);
            }
            imageSizes.put(image, sizes);
        }
        return sizes;
    }

    /**
     * Binds a pod, keeping its bind sequence if it has one: preemption's dry run takes victims off a
     * node with {@link #detach} and puts them back with this, as they were.
     */
    public void attach(PodInfo p, NodeInfo n) {
        if (p.sequence == 0) {
            p.sequence = ++sequence;
        }
        p.node = n;
        n.add(p);
        table.sync(n);
        pods.put(p.key(), p);
        selectors.podBound(p, n, 1);
        affinity.podBound(p, n, 1);
    }

    /** Unbinds a bound pod. */
    public void detach(PodInfo p) {
        NodeInfo n = p.node;
        selectors.podBound(p, n, -1);
        affinity.podBound(p, n, -1);
        n.remove(p);
        table.sync(n);
        pods.remove(p.key());
        p.node = null;
    }

    /** The nodes' capacity for per-node arrays: at least one slot per node. */
    int nodeCapacity() {
        return Math.max(16, nodes.size());
    }

    private NodeInfo existing(String name) {
        NodeInfo n = byName.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return n;
    }

    private void rebuildIndexes() {
        columns.clear();
        imageSizes.clear();
        selectors.invalidate();
        affinity.clear();
        for (NodeInfo n : nodes) {
            for (PodInfo p : n.pods) {
                affinity.podBound(p, n, 1);
            }
        }
    }
}
