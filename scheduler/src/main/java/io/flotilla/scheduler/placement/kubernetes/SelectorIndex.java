package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Counts of the bound pods a selector matches, per node and per topology value, kept up to date as
 * pods are bound and removed. Upstream recounts every node's pods in each PreFilter and PreScore
 * ({@code countPodsMatchSelector}); with tens of thousands of pods that is the whole cost of a cycle,
 * so here a selector is counted once, the first time a pod asks, and then maintained.
 *
 * <p>A topology value tally holds every value some node carries, with 0 for domains without a
 * matching pod; nodes without the key are counted under {@link #MISSING}.
 */
final class SelectorIndex {

    /** The tally entry for nodes that lack the topology key (no label value can contain NUL). */
    static final String MISSING = "\u0000";

    /** Past this many selectors the cache is dropped and rebuilt on demand, bounding its memory. */
    private static final int MAX_ENTRIES = 4096;

    /** Pods in one of {@code namespaces} whose labels {@code selector} matches. */
    record Key(List<String> namespaces, LabelSelector selector) {

        boolean matches(PodInfo pod) {
            return namespaces.contains(pod.pod.namespace()) && selector.matches(pod.labels);
        }
    }

    /** The counts of one selector. */
    final class Counts {
        final Key key;
        int[] perNode;
        private final HashMap<String, Tally> byTopology = new HashMap<>();

        private Counts(Key key) {
            this.key = key;
            this.perNode = new int[cluster.nodeCapacity()];
            for (NodeInfo n : cluster.nodesByIndex()) {
                for (PodInfo p : n.pods) {
                    if (key.matches(p)) {
                        perNode[n.index]++;
                    }
                }
            }
        }

        int on(NodeInfo node) {
            return perNode[node.index];
        }

        /** Matching pods per value of {@code topologyKey}, over all nodes; read-only for callers. */
        Tally byTopology(String topologyKey) {
            Tally t = byTopology.get(topologyKey);
            if (t == null) {
                t = new Tally();
                for (NodeInfo n : cluster.nodesByIndex()) {
                    t.add(n.labels.getOrDefault(topologyKey, MISSING), perNode[n.index]);
                }
                byTopology.put(topologyKey, t);
            }
            return t;
        }

        private void update(NodeInfo node, int delta) {
            perNode[node.index] += delta;
            byTopology.forEach((k, t) -> t.add(node.labels.getOrDefault(k, MISSING), delta));
        }

        private void nodeAdded(NodeInfo node) {
            if (perNode.length <= node.index) {
                perNode = Arrays.copyOf(perNode, Math.max(node.index + 1, perNode.length * 2));
            }
            byTopology.forEach((k, t) -> t.ensure(node.labels.getOrDefault(k, MISSING)));
        }
    }

    private final ClusterState cluster;
    private final HashMap<Key, Counts> entries = new HashMap<>();
    private final List<Counts> all = new ArrayList<>();

    SelectorIndex(ClusterState cluster) {
        this.cluster = cluster;
    }

    Counts counts(Key key) {
        Counts c = entries.get(key);
        if (c == null) {
            if (entries.size() >= MAX_ENTRIES) {
                invalidate();
            }
            c = new Counts(key);
            entries.put(key, c);
            all.add(c);
        }
        return c;
    }

    void podBound(PodInfo pod, NodeInfo node, int delta) {
        for (int i = 0, n = all.size(); i < n; i++) {
            Counts c = all.get(i);
            if (c.key.matches(pod)) {
                c.update(node, delta);
            }
        }
    }

    /** A node joined with no pods: existing counts only need room and its (zero) domains. */
    void nodeAdded(NodeInfo node) {
        for (Counts c : all) {
            c.nodeAdded(node);
        }
    }

    /** Labels or node numbering changed: everything is recounted on demand. */
    void invalidate() {
        entries.clear();
        all.clear();
    }
}
