package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.cache.AffinityIndex;
import io.flotilla.scheduler.placement.kubernetes.cache.AffinityTerm;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.Tally;
import io.flotilla.scheduler.placement.kubernetes.cache.TopologyColumn;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.ScoreNormalizer;
import io.flotilla.scheduler.placement.kubernetes.framework.ScorePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.StateKey;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * InterPodAffinity. Filter: the pod's required affinity needs, in the node's domain of every term,
 * some pod matching all its terms (or, for the first pod of a group that matches its own terms, no
 * such pod anywhere); its required anti-affinity forbids domains holding a matching pod; and the
 * required anti-affinity of bound pods forbids the domains they are in to pods they match. Score:
 * per domain, + weight for the pod's preferred affinity terms and − weight for its preferred
 * anti-affinity terms per matching pod, + hardPodAffinityWeight for bound pods whose required
 * affinity matches the pod, ± weight for bound pods' preferred terms that match it; normalised as
 * {@code 100 x (s - min) / (max - min)} in floating point, truncated.
 *
 * <p>Affinity failures are UnschedulableAndUnresolvable and anti-affinity failures Unschedulable, as
 * in upstream filtering.go. {@code namespaceSelector} is not modelled.
 */
final class InterPodAffinity implements PreFilterPlugin, FilterPlugin, ScorePlugin {

    static final String NAME = "InterPodAffinity";
    static final String ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
    static final String ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
    static final String ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
            "node(s) didn't satisfy existing pods anti-affinity rules";

    private static final StateKey<FilterState> FILTER = StateKey.create("PreFilterInterPodAffinity");
    private static final StateKey<Map<String, Map<String, Long>>> SCORE = StateKey.create("PreScoreInterPodAffinity");

    /**
     * {@code existing}: the bound pods' anti-affinity tallies that match this pod. {@code affinity}:
     * pods matching all required affinity terms, per key and domain (summed over terms sharing a
     * key). {@code anti}: per required anti-affinity term, pods matching it per domain.
     */
    record FilterState(List<Tally> existing, Map<String, Tally> affinity, long affinityTotal, List<Tally> anti) {}

    private final int hardPodAffinityWeight;

    InterPodAffinity(int hardPodAffinityWeight) {
        this.hardPodAffinityWeight = hardPodAffinityWeight;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod) {
        AffinityIndex index = state.cluster().affinity();
        if (pod.requiredAffinity().isEmpty() && pod.requiredAntiAffinity().isEmpty() && !index.hasAntiAffinity()) {
            return PreFilterResult.SKIP;
        }
        List<Tally> existing = index.existingAntiAffinityCounts(pod);
        Map<String, Tally> affinity = affinityCounts(state.cluster(), pod);
        long total = 0;
        for (Tally t : affinity.values()) {
            total += t.total();
        }
        List<Tally> anti = new ArrayList<>();
        for (AffinityTerm t : pod.requiredAntiAffinity()) {
            if (t.selector().isPresent()) {
                anti.add(state.cluster().selectors().counts(t.selectorKey()).byTopology(t.topologyKey()));
            }
        }
        state.write(FILTER, new FilterState(existing, affinity, total, anti));
        return PreFilterResult.SUCCESS;
    }

    /**
     * Upstream {@code updateWithAffinityTerms}: a bound pod counts only if it matches every required
     * affinity term, and then for each term's key. One term is the common case and reads the index.
     */
    private static Map<String, Tally> affinityCounts(Cache cluster, PodInfo pod) {
        Map<String, Tally> out = new HashMap<>();
        List<AffinityTerm> terms = pod.requiredAffinity();
        if (terms.isEmpty()) {
            return out;
        }
        if (terms.size() == 1) {
            AffinityTerm t = terms.get(0);
            out.put(t.topologyKey(), t.selector().isPresent()
                    ? cluster.selectors().counts(t.selectorKey()).byTopology(t.topologyKey())
                    : Tally.ofCluster(cluster.column(t.topologyKey())));
            return out;
        }
        for (AffinityTerm t : terms) {
            out.putIfAbsent(t.topologyKey(), Tally.ofCluster(cluster.column(t.topologyKey())));
        }
        for (NodeInfo node : cluster.nodesByIndex()) {
            for (PodInfo p : node.pods()) {
                if (matchesAll(terms, p)) {
                    for (AffinityTerm t : terms) {
                        Tally tally = out.get(t.topologyKey());
                        int d = tally.column().domain(node);
                        if (d != TopologyColumn.MISSING) {
                            tally.add(d, 1);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean matchesAll(List<AffinityTerm> terms, PodInfo p) {
        for (AffinityTerm t : terms) {
            if (!t.matches(p)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        FilterState s = state.read(FILTER);
        if (!satisfiesAffinity(s, pod, node)) {
            return Status.unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
        }
        for (Tally t : s.anti) {
            if (t.at(node) > 0) {
                return Status.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
            }
        }
        for (Tally t : s.existing) {
            if (t.at(node) > 0) {
                return Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
            }
        }
        return Status.SUCCESS;
    }

    private static boolean satisfiesAffinity(FilterState s, PodInfo pod, NodeInfo node) {
        boolean podsExist = true;
        for (AffinityTerm t : pod.requiredAffinity()) {
            Tally tally = s.affinity.get(t.topologyKey());
            if (tally.column().domain(node) == TopologyColumn.MISSING) {
                return false; // all topology labels must exist on the node
            }
            if (tally.at(node) <= 0) {
                podsExist = false;
            }
        }
        if (podsExist) {
            return true;
        }
        // the first pod of a group with affinity to itself may go anywhere its terms allow
        return s.affinityTotal == 0 && matchesAll(pod.requiredAffinity(), pod);
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        Map<String, Map<String, Long>> scores = new HashMap<>();
        for (AffinityTerm t : pod.preferredAffinity()) {
            addMatchingPods(state.cluster(), t, t.weight(), scores);
        }
        for (AffinityTerm t : pod.preferredAntiAffinity()) {
            addMatchingPods(state.cluster(), t, -t.weight(), scores);
        }
        for (PodInfo existing : state.cluster().affinity().scoringPods()) {
            NodeInfo node = existing.node().orElseThrow();
            if (hardPodAffinityWeight > 0) {
                for (AffinityTerm t : existing.requiredAffinity()) {
                    processTerm(t, hardPodAffinityWeight, pod, node, scores);
                }
            }
            for (AffinityTerm t : existing.preferredAffinity()) {
                processTerm(t, t.weight(), pod, node, scores);
            }
            for (AffinityTerm t : existing.preferredAntiAffinity()) {
                processTerm(t, -t.weight(), pod, node, scores);
            }
        }
        if (scores.isEmpty()) {
            return Status.SKIP;
        }
        state.write(SCORE, scores);
        return Status.SUCCESS;
    }

    /** The incoming pod's preferred term: weight times the matching pods of every domain. */
    private static void addMatchingPods(Cache cluster, AffinityTerm t, long weight,
            Map<String, Map<String, Long>> scores) {
        if (t.selector().isEmpty() || weight == 0) {
            return;
        }
        Tally tally = cluster.selectors().counts(t.selectorKey()).byTopology(t.topologyKey());
        for (int d = 1; d < tally.column().size(); d++) {
            int count = tally.at(d);
            if (count > 0) {
                scores.computeIfAbsent(t.topologyKey(), k -> new HashMap<>())
                        .merge(tally.column().value(d), weight * count, Long::sum);
            }
        }
    }

    /** Upstream {@code scoreMap.processTerm}: a bound pod's term that matches the incoming pod. */
    private static void processTerm(AffinityTerm t, long weight, PodInfo pod, NodeInfo node,
            Map<String, Map<String, Long>> scores) {
        if (t.matches(pod)) {
            String v = node.labels().get(t.topologyKey());
            if (v != null) {
                scores.computeIfAbsent(t.topologyKey(), k -> new HashMap<>()).merge(v, weight, Long::sum);
            }
        }
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long score = 0;
        for (Map.Entry<String, Map<String, Long>> e : state.read(SCORE).entrySet()) {
            String v = node.labels().get(e.getKey());
            if (v != null) {
                score += e.getValue().getOrDefault(v, 0L);
            }
        }
        return score;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        long diff = max - min;
        for (int i = 0; i < scores.length; i++) {
            double f = 0;
            if (diff > 0) {
                f = ScoreNormalizer.MAX_NODE_SCORE * ((double) (scores[i] - min) / (double) diff);
            }
            scores[i] = (long) f;
        }
    }
}
