package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PodTopologySpread. Filter (DoNotSchedule constraints): {@code skew = pods in the node's domain +
 * (1 if the pod matches itself) - global minimum} must not exceed maxSkew, the minimum taken over
 * the domains of eligible nodes (those that carry every constraint key and pass the inclusion
 * policies), 0 when there are fewer than minDomains. Score (ScheduleAnyway constraints, or the
 * system defaults for pods of a Service, ReplicaSet or StatefulSet): {@code round(Σ count x ln(size+2)
 * + maxSkew-1)} per node, normalised as {@code 100 x (max + min - s) / max}.
 *
 * <p>Counts come from the {@link SelectorIndex}; when every node is eligible they are the
 * cluster-wide tallies, otherwise every node is walked as upstream does.
 */
final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, ScorePlugin {

    static final String NAME = "PodTopologySpread";
    static final String ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
    static final String ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

    private static final StateKey<FilterState> FILTER = StateKey.create("PreFilterPodTopologySpread");
    private static final StateKey<ScoreState> SCORE = StateKey.create("PreScorePodTopologySpread");

    /** Per DoNotSchedule constraint: matching pods per domain, the global minimum, and self-match. */
    record FilterState(List<SpreadConstraint> constraints, Tally[] counts, int[] domains, int[] minMatch,
            boolean[] selfMatch) {}

    /** Per ScheduleAnyway constraint: its weight and its counts; nodes missing a required key are ignored. */
    record ScoreState(List<SpreadConstraint> constraints, Set<NodeInfo> ignored, double[] weights,
            HashMap<String, Long>[] pairCounts, SelectorIndex.Counts[] hostCounts) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod) {
        List<SpreadConstraint> constraints =
                SpreadConstraint.of(pod.pod, TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE);
        if (constraints.isEmpty()) {
            return PreFilterResult.SKIP;
        }
        int n = constraints.size();
        Tally[] counts = new Tally[n];
        int[] domains = new int[n];
        int[] minMatch = new int[n];
        boolean[] selfMatch = new boolean[n];
        boolean singleKey = SpreadConstraint.singleKey(constraints);
        ClusterState cluster = state.cluster;
        for (int i = 0; i < n; i++) {
            SpreadConstraint c = constraints.get(i);
            Optional<SelectorIndex.Counts> matching = c.counts(cluster, pod.pod.namespace());
            if (singleKey && c.includesEveryNode(pod) && matching.isPresent()) {
                counts[i] = matching.get().byTopology(c.topologyKey()); // live view, read only
            } else {
                Tally t = new Tally();
                for (NodeInfo node : cluster.nodesByIndex()) {
                    if (SpreadConstraint.nodeHasAllKeys(node, constraints) && c.includes(pod, node)) {
                        t.add(node.labels.get(c.topologyKey()), matching.map(m -> m.on(node)).orElse(0));
                    }
                }
                counts[i] = t;
            }
            Tally t = counts[i];
            domains[i] = t.size() - (t.contains(SelectorIndex.MISSING) ? 1 : 0);
            minMatch[i] = minExcludingMissing(t);
            selfMatch[i] = c.selects(pod);
        }
        state.write(FILTER, new FilterState(constraints, counts, domains, minMatch, selfMatch));
        return PreFilterResult.SUCCESS;
    }

    private static int minExcludingMissing(Tally t) {
        int[] min = {Integer.MAX_VALUE};
        t.forEach((value, count) -> {
            if (!SelectorIndex.MISSING.equals(value) && count < min[0]) {
                min[0] = count;
            }
        });
        return min[0];
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        FilterState s = state.read(FILTER);
        for (int i = 0; i < s.constraints.size(); i++) {
            SpreadConstraint c = s.constraints.get(i);
            String value = node.labels.get(c.topologyKey());
            if (value == null) {
                return Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
            }
            long min = s.domains[i] < c.minDomains() ? 0 : s.minMatch[i];
            long skew = (long) s.counts[i].get(value) + (s.selfMatch[i] ? 1 : 0) - min;
            if (skew > c.maxSkew()) {
                return Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
            }
        }
        return Status.SUCCESS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        List<SpreadConstraint> constraints =
                SpreadConstraint.of(pod.pod, TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY);
        if (constraints.isEmpty()) {
            return Status.SKIP;
        }
        // only the system defaults let nodes without a zone still be spread by hostname
        boolean requireAll = !pod.pod.topologySpreadConstraints().isEmpty();
        int n = constraints.size();
        Set<NodeInfo> ignored = new HashSet<>();
        List<Set<String>> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pairs.add(new HashSet<>());
        }
        for (NodeInfo node : nodes) {
            if (requireAll && !SpreadConstraint.nodeHasAllKeys(node, constraints)) {
                ignored.add(node);
                continue;
            }
            for (int i = 0; i < n; i++) {
                String key = constraints.get(i).topologyKey();
                if (!KubeNode.HOSTNAME_LABEL.equals(key)) {
                    pairs.get(i).add(node.labels.getOrDefault(key, ""));
                }
            }
        }
        double[] weights = new double[n];
        HashMap<String, Long>[] pairCounts = new HashMap[n];
        SelectorIndex.Counts[] hostCounts = new SelectorIndex.Counts[n];
        boolean walkAll = false;
        for (int i = 0; i < n; i++) {
            SpreadConstraint c = constraints.get(i);
            Optional<SelectorIndex.Counts> matching = c.counts(state.cluster, pod.pod.namespace());
            boolean hostname = KubeNode.HOSTNAME_LABEL.equals(c.topologyKey());
            int size = hostname ? nodes.size() - ignored.size() : pairs.get(i).size();
            weights[i] = Math.log(size + 2);
            pairCounts[i] = new HashMap<>();
            if (hostname) {
                hostCounts[i] = matching.orElse(null);
                continue;
            }
            for (String v : pairs.get(i)) {
                pairCounts[i].put(v, 0L);
            }
            if (matching.isEmpty()) {
                continue;
            }
            if (c.includesEveryNode(pod) && (!requireAll || SpreadConstraint.singleKey(constraints))) {
                Tally view = matching.get().byTopology(c.topologyKey());
                for (String v : pairs.get(i)) {
                    long count = view.get(v);
                    if (v.isEmpty() && !requireAll) {
                        count += view.get(SelectorIndex.MISSING); // a node without the key is the "" domain
                    }
                    pairCounts[i].put(v, count);
                }
            } else {
                walkAll = true;
            }
        }
        if (walkAll) {
            countByWalking(state.cluster, pod, constraints, requireAll, pairCounts, hostCounts);
        }
        state.write(SCORE, new ScoreState(constraints, ignored, weights, pairCounts, hostCounts));
        return Status.SUCCESS;
    }

    /** Upstream {@code processAllNode}: every node that passes the inclusion policies adds its matching pods. */
    private static void countByWalking(ClusterState cluster, PodInfo pod, List<SpreadConstraint> constraints,
            boolean requireAll, HashMap<String, Long>[] pairCounts, SelectorIndex.Counts[] hostCounts) {
        List<SpreadConstraint> toWalk = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            SpreadConstraint c = constraints.get(i);
            if (!KubeNode.HOSTNAME_LABEL.equals(c.topologyKey()) && c.selector().isPresent()) {
                pairCounts[i].replaceAll((k, v) -> 0L);
                toWalk.add(c);
                indexes.add(i);
            }
        }
        List<SelectorIndex.Counts> counts = new ArrayList<>();
        for (SpreadConstraint c : toWalk) {
            counts.add(c.counts(cluster, pod.pod.namespace()).orElseThrow());
        }
        for (NodeInfo node : cluster.nodesByIndex()) {
            if (requireAll && !SpreadConstraint.nodeHasAllKeys(node, constraints)) {
                continue;
            }
            for (int j = 0; j < toWalk.size(); j++) {
                SpreadConstraint c = toWalk.get(j);
                if (!c.includes(pod, node)) {
                    continue;
                }
                HashMap<String, Long> pc = pairCounts[indexes.get(j)];
                String v = node.labels.getOrDefault(c.topologyKey(), "");
                Long current = pc.get(v);
                if (current != null) {
                    pc.put(v, current + counts.get(j).on(node));
                }
            }
        }
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        ScoreState s = state.read(SCORE);
        if (s.ignored.contains(node)) {
            return 0;
        }
        double score = 0;
        for (int i = 0; i < s.constraints.size(); i++) {
            SpreadConstraint c = s.constraints.get(i);
            String value = node.labels.get(c.topologyKey());
            if (value == null) {
                continue;
            }
            long count;
            if (KubeNode.HOSTNAME_LABEL.equals(c.topologyKey())) {
                count = s.hostCounts[i] == null ? 0 : s.hostCounts[i].on(node);
            } else {
                count = s.pairCounts[i].getOrDefault(value, 0L);
            }
            score += count * s.weights[i] + (c.maxSkew() - 1);
        }
        return Math.round(score);
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScoreState s = state.read(SCORE);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < scores.length; i++) {
            if (s.ignored.contains(nodes.get(i))) {
                continue;
            }
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        for (int i = 0; i < scores.length; i++) {
            if (s.ignored.contains(nodes.get(i))) {
                scores[i] = 0;
            } else if (max == 0) {
                scores[i] = ScoreNormalizer.MAX_NODE_SCORE;
            } else {
                scores[i] = ScoreNormalizer.MAX_NODE_SCORE * (max + min - scores[i]) / max;
            }
        }
    }
}
