package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler's view of the cluster (upstream scheduler cache and snapshot): nodes, the pods bound
 * to them, and the indexes the plugins read. It is updated in place and incrementally: binding a pod
 * counts for the very next cycle without rebuilding anything, so that tens of thousands of pods on
 * thousands of nodes cost per pod, not per cluster.
 *
 * <p>Nodes are listed as upstream's node tree lists them: round robin over zones (region and zone
 * labels) in the order the zones appeared, each zone's nodes in the order they were added. The
 * filter walks that list from {@link #nextStartNodeIndex()}, which rotates between cycles.
 *
 * <p>Not thread-safe; the simulation owns one per manager and calls it from one place.
 */
public final class ClusterState {

    private final ArrayList<NodeInfo> nodes = new ArrayList<>();
    private final HashMap<String, NodeInfo> byName = new HashMap<>();
    private final LinkedHashMap<String, List<NodeInfo>> zones = new LinkedHashMap<>();
    private NodeInfo[] order = new NodeInfo[0];
    private int[] orderIndexes = new int[0];
    private boolean orderStale;
    private final HashMap<String, PodInfo> pods = new HashMap<>();
    private final HashMap<String, Integer> imageNodes = new HashMap<>();
    private final HashMap<String, long[]> imageSizes = new HashMap<>();
    private final HashMap<String, TopologyColumn> columns = new HashMap<>();
    final NodeTable table = new NodeTable();
    final SelectorIndex selectors = new SelectorIndex(this);
    final AffinityIndex affinity = new AffinityIndex(this);
    private int preferNoScheduleNodes;
    private int nextStartNodeIndex;
    private long sequence;

    public ClusterState() {}

    public static ClusterState of(Collection<KubeNode> nodes) {
        ClusterState s = new ClusterState();
        nodes.forEach(s::addNode);
        return s;
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
        byName.put(n.name, n);
        zones.computeIfAbsent(zoneKey(node), z -> new ArrayList<>()).add(n);
        orderStale = true;
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
        KubeNode old = n.node;
        preferNoScheduleNodes -= n.preferNoScheduleTaints ? 1 : 0;
        old.images().keySet().forEach(i -> imageNodes.merge(i, -1, Integer::sum));
        node.images().keySet().forEach(i -> imageNodes.merge(i, 1, Integer::sum));
        imageNodes.values().removeIf(c -> c == 0);
        imageSizes.clear();
        if (!old.labels().equals(node.labels())) {
            String oldZone = zoneKey(old);
            String newZone = zoneKey(node);
            if (!oldZone.equals(newZone)) {
                removeFromZone(oldZone, n);
                zones.computeIfAbsent(newZone, z -> new ArrayList<>()).add(n);
                orderStale = true;
            }
            n.setNode(node);
            rebuildIndexes();
        } else {
            n.setNode(node);
        }
        preferNoScheduleNodes += n.preferNoScheduleTaints ? 1 : 0;
        table.sync(n);
    }

    /** Removes a node and forgets the pods bound to it (their controllers will replace them). */
    public void removeNode(String name) {
        NodeInfo n = existing(name);
        preferNoScheduleNodes -= n.preferNoScheduleTaints ? 1 : 0;
        for (PodInfo p : List.copyOf(n.pods)) {
            pods.remove(p.key);
        }
        n.node.images().keySet().forEach(i -> imageNodes.merge(i, -1, Integer::sum));
        imageNodes.values().removeIf(c -> c == 0);
        nodes.remove(n.index);
        for (int i = n.index; i < nodes.size(); i++) {
            nodes.get(i).index = i;
        }
        byName.remove(name);
        removeFromZone(zoneKey(n.node), n);
        orderStale = true;
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

    void bind(PodInfo pod, NodeInfo node) {
        if (pods.containsKey(pod.key)) {
            throw new IllegalArgumentException("pod " + pod.key + " is bound already");
        }
        attach(pod, node);
    }

    /** Removes a bound pod; returns the node it was on, empty if it was not bound. */
    public Optional<String> unbind(String podKey) {
        PodInfo p = pods.get(podKey);
        if (p == null) {
            return Optional.empty();
        }
        String node = p.node.name;
        detach(p);
        return Optional.of(node);
    }

    /** The node a pod is bound to. */
    public Optional<String> nodeOf(String podKey) {
        PodInfo p = pods.get(podKey);
        return p == null ? Optional.empty() : Optional.of(p.node.name);
    }

    public Optional<KubeNode> node(String name) {
        NodeInfo n = byName.get(name);
        return n == null ? Optional.empty() : Optional.of(n.node);
    }

    /** The pods bound to a node, in bind order. */
    public List<Pod> podsOn(String nodeName) {
        List<Pod> out = new ArrayList<>();
        existing(nodeName).pods.forEach(p -> out.add(p.pod));
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
            out.add(n.name);
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

    // ---- package-private access for the framework and plugins ----

    NodeInfo[] orderedNodes() {
        if (orderStale) {
            order = interleave();
            orderIndexes = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                orderIndexes[i] = order[i].index;
            }
            orderStale = false;
        }
        return order;
    }

    /** The indexes of {@link #orderedNodes()}, position by position. */
    int[] orderedIndexes() {
        orderedNodes();
        return orderIndexes;
    }

    List<NodeInfo> nodesByIndex() {
        return nodes;
    }

    int nodeCapacity() {
        return Math.max(16, nodes.size());
    }

    /** The domains of one topology key over the cluster's nodes, built on first use. */
    TopologyColumn column(String key) {
        TopologyColumn c = columns.get(key);
        if (c == null) {
            c = new TopologyColumn(key, nodes);
            columns.put(key, c);
        }
        return c;
    }

    NodeInfo nodeInfo(String name) {
        return byName.get(name);
    }

    PodInfo podInfo(String key) {
        return pods.get(key);
    }

    /** How many nodes carry a PreferNoSchedule taint. */
    int preferNoScheduleNodes() {
        return preferNoScheduleNodes;
    }

    /** How many nodes hold the (normalised) image. */
    int nodesWithImage(String image) {
        return imageNodes.getOrDefault(image, 0);
    }

    /** The size of the (normalised) image on each node, by node index, 0 where it is absent. */
    long[] imageSizes(String image) {
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

    /** Binds a pod (with its sequence kept if it has one: preemption puts victims back as they were). */
    void attach(PodInfo p, NodeInfo n) {
        if (p.sequence == 0) {
            p.sequence = ++sequence;
        }
        p.node = n;
        n.add(p);
        table.sync(n);
        pods.put(p.key, p);
        selectors.podBound(p, n, 1);
        affinity.podBound(p, n, 1);
    }

    void detach(PodInfo p) {
        NodeInfo n = p.node;
        selectors.podBound(p, n, -1);
        affinity.podBound(p, n, -1);
        n.remove(p);
        table.sync(n);
        pods.remove(p.key);
        p.node = null;
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

    private void removeFromZone(String zone, NodeInfo n) {
        List<NodeInfo> list = zones.get(zone);
        list.remove(n);
        if (list.isEmpty()) {
            zones.remove(zone);
        }
    }

    private NodeInfo[] interleave() {
        NodeInfo[] out = new NodeInfo[nodes.size()];
        int k = 0;
        for (int i = 0; k < out.length; i++) {
            for (List<NodeInfo> zone : zones.values()) {
                if (i < zone.size()) {
                    out[k++] = zone.get(i);
                }
            }
        }
        return out;
    }

    /** Upstream {@code utilnode.GetZoneKey}: region and zone, or "" when the node has neither. */
    static String zoneKey(KubeNode node) {
        Map<String, String> labels = node.labels();
        String zone = labels.getOrDefault("failure-domain.beta.kubernetes.io/zone",
                labels.getOrDefault(KubeNode.ZONE_LABEL, ""));
        String region = labels.getOrDefault("failure-domain.beta.kubernetes.io/region",
                labels.getOrDefault(KubeNode.REGION_LABEL, ""));
        return region.isEmpty() && zone.isEmpty() ? "" : region + ":\u0000:" + zone;
    }
}
