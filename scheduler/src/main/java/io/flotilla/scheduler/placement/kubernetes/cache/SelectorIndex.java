package io.flotilla.scheduler.placement.kubernetes.cache;

import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
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
 * <p>Per topology key the counts are kept per domain of the cluster's {@link TopologyColumn}.
 */
public final class SelectorIndex {

    /** Past this many selectors the cache is dropped and rebuilt on demand, bounding its memory. */
    private static final int MAX_ENTRIES = 4096;

    /** Pods in one of {@code namespaces} whose labels {@code selector} matches. */
    public record Key(List<String> namespaces, LabelSelector selector) {

        boolean matches(PodInfo pod) {
            return namespaces.contains(pod.pod().namespace()) && selector.matches(pod.labels());
        }
    }

    /** The counts of one selector. */
    public final class Counts {
        private final Key key;
        private int[] perNode;
        private final HashMap<String, Tally> byTopology = new HashMap<>();

        private Counts(Key key) {
            this.key = key;
            this.perNode = new int[cluster.nodeCapacity()];
            if (!mayMatchBoundPods(key.selector)) {
                return; // the first pod of a workload: none of the pods bound carries its labels
            }
            for (NodeInfo n : cluster.nodesByIndex()) {
                for (PodInfo p : n.pods) {
                    if (key.matches(p)) {
                        perNode[n.index]++;
                    }
                }
            }
        }

        public int on(NodeInfo node) {
            return perNode[node.index];
        }

        /** The count on the node with that {@link NodeInfo#index()}. */
        public int at(int nodeIndex) {
            return perNode[nodeIndex];
        }

        /** Matching pods per domain of {@code topologyKey}, over all nodes; read-only for callers. */
        public Tally byTopology(String topologyKey) {
            Tally t = byTopology.get(topologyKey);
            if (t == null) {
                t = Tally.ofCluster(cluster.column(topologyKey));
                for (NodeInfo n : cluster.nodesByIndex()) {
                    t.add(t.column().domain(n), perNode[n.index]);
                }
                byTopology.put(topologyKey, t);
            }
            return t;
        }

        private void update(NodeInfo node, int delta) {
            perNode[node.index] += delta;
            byTopology.forEach((k, t) -> t.add(t.column().domain(node), delta));
        }

        private void nodeAdded(NodeInfo node) {
            if (perNode.length <= node.index) {
                perNode = Arrays.copyOf(perNode, Math.max(node.index + 1, perNode.length * 2));
            }
        }
    }

    private final Cache cluster;
    private final HashMap<Key, Counts> entries = new HashMap<>();
    private final List<Counts> all = new ArrayList<>();
    /**
     * Selectors with a {@code matchLabels} pair, filed under their first pair (key, then value), so
     * that binding a pod only tries the selectors one of its labels could satisfy.
     */
    private final HashMap<String, HashMap<String, List<Counts>>> byFirstLabel = new HashMap<>();
    private final List<Counts> withoutLabels = new ArrayList<>();
    /** How many bound pods carry each label (key, then value): counting a new selector's pods skips the walk when none does. */
    private final HashMap<String, HashMap<String, int[]>> boundByLabel = new HashMap<>();

    SelectorIndex(Cache cluster) {
        this.cluster = cluster;
    }

    /** The counts of the pods the key selects, counted now if no pod asked for them since the last change of labels. */
    public Counts counts(Key key) {
        Counts c = entries.get(key);
        if (c == null) {
            if (entries.size() >= MAX_ENTRIES) {
                invalidate();
            }
            c = new Counts(key);
            entries.put(key, c);
            all.add(c);
            if (key.selector.matchLabels().isEmpty()) {
                withoutLabels.add(c);
            } else {
                var first = key.selector.matchLabels().entrySet().iterator().next();
                byFirstLabel.computeIfAbsent(first.getKey(), k -> new HashMap<>())
                        .computeIfAbsent(first.getValue(), v -> new ArrayList<>()).add(c);
            }
        }
        return c;
    }

    void podBound(PodInfo pod, NodeInfo node, int delta) {
        labelsBound(pod, delta);
        if (all.isEmpty()) {
            return;
        }
        for (var label : pod.labels().entrySet()) {
            HashMap<String, List<Counts>> byValue = byFirstLabel.get(label.getKey());
            List<Counts> candidates = byValue == null ? null : byValue.get(label.getValue());
            if (candidates != null) {
                update(candidates, pod, node, delta);
            }
        }
        update(withoutLabels, pod, node, delta);
    }

    private static void update(List<Counts> candidates, PodInfo pod, NodeInfo node, int delta) {
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Counts c = candidates.get(i);
            if (c.key.matches(pod)) {
                c.update(node, delta);
            }
        }
    }

    /** The pod is forgotten with its node, without being unbound from it. */
    void podForgotten(PodInfo pod) {
        labelsBound(pod, -1);
    }

    private void labelsBound(PodInfo pod, int delta) {
        for (var label : pod.labels().entrySet()) {
            boundByLabel.computeIfAbsent(label.getKey(), k -> new HashMap<>())
                    .computeIfAbsent(label.getValue(), v -> new int[1])[0] += delta;
        }
    }

    /** False when the selector requires a label that no bound pod carries, so that it matches none. */
    private boolean mayMatchBoundPods(LabelSelector selector) {
        if (selector.matchLabels().isEmpty()) {
            return true;
        }
        var first = selector.matchLabels().entrySet().iterator().next();
        HashMap<String, int[]> byValue = boundByLabel.get(first.getKey());
        int[] bound = byValue == null ? null : byValue.get(first.getValue());
        return bound != null && bound[0] > 0;
    }

    /** A node joined with no pods: existing counts only need room (its domain is in the column already). */
    void nodeAdded(NodeInfo node) {
        for (Counts c : all) {
            c.nodeAdded(node);
        }
    }

    /** Labels or node numbering changed: everything is recounted on demand. */
    void invalidate() {
        entries.clear();
        all.clear();
        byFirstLabel.clear();
        withoutLabels.clear();
    }
}
