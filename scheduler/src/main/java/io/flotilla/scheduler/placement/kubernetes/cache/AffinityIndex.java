package io.flotilla.scheduler.placement.kubernetes.cache;

import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bound pods' inter-pod affinity terms that concern pods still to come, kept up to date as pods
 * are bound and removed (upstream walks {@code PodsWithRequiredAntiAffinity} and
 * {@code PodsWithAffinity} of every node in each cycle).
 *
 * <p>Required anti-affinity terms are grouped by what they select; each group counts its pods per
 * topology domain of their nodes (nodes without the key do not count). Pods whose terms can change
 * another pod's score are listed in bind order.
 */
public final class AffinityIndex {

    /** What a required anti-affinity term selects and along which key. */
    private record TermKey(List<String> namespaces, LabelSelector selector, String topologyKey) {}

    private final Cache cluster;
    private final Map<TermKey, Tally> antiAffinity = new LinkedHashMap<>();
    private final Set<PodInfo> scoringPods = new LinkedHashSet<>();
    private final Set<PodInfo> scoringPodsView = Collections.unmodifiableSet(scoringPods);

    AffinityIndex(Cache cluster) {
        this.cluster = cluster;
    }

    void podBound(PodInfo pod, NodeInfo node, int delta) {
        for (AffinityTerm t : pod.requiredAntiAffinity()) {
            if (t.selector().isEmpty() || !node.labels().containsKey(t.topologyKey())) {
                continue;
            }
            TermKey key = new TermKey(t.namespaces(), t.selector().get(), t.topologyKey());
            Tally tally = antiAffinity.computeIfAbsent(key, k -> Tally.ofCluster(cluster.column(k.topologyKey())));
            tally.add(tally.column().domain(node), delta);
            if (tally.isZero()) {
                antiAffinity.remove(key);
            }
        }
        if (pod.hasScoringTerms()) {
            if (delta > 0) {
                scoringPods.add(pod);
            } else {
                scoringPods.remove(pod);
            }
        }
    }

    /** Whether some bound pod has a required anti-affinity term. */
    public boolean hasAntiAffinity() {
        return !antiAffinity.isEmpty();
    }

    /**
     * Upstream {@code getExistingAntiAffinityCounts}: for every required anti-affinity term of the
     * bound pods that selects {@code pod}, the term's pods per domain (live tallies, read only). A
     * domain with a count is closed to the pod.
     */
    public List<Tally> existingAntiAffinityCounts(PodInfo pod) {
        List<Tally> out = new ArrayList<>();
        for (Map.Entry<TermKey, Tally> e : antiAffinity.entrySet()) {
            TermKey k = e.getKey();
            if (k.namespaces().contains(pod.pod().namespace()) && k.selector().matches(pod.labels())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** The bound pods whose affinity terms can change another pod's score, in bind order; read only. */
    public Set<PodInfo> scoringPods() {
        return scoringPodsView;
    }

    void clear() {
        antiAffinity.clear();
        scoringPods.clear();
    }
}
