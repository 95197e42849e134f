package io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.TopologySpreadConstraint;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.SelectorIndex;
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
public final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, ScorePlugin {

    static final String NAME = "PodTopologySpread";
    static final String ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
    static final String ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

    private static final StateKey<FilterState> FILTER = StateKey.create("PreFilterPodTopologySpread");
    private static final StateKey<ScoreState> SCORE = StateKey.create("PreScorePodTopologySpread");

    /** Per DoNotSchedule constraint: matching pods per domain, the number of domains, the global minimum, self-match. */
    record FilterState(List<SpreadConstraint> constraints, Tally[] counts, int[] domains, int[] minMatch,
            boolean[] selfMatch) {}

    /**
     * Per ScheduleAnyway constraint: its column, weight and counts per domain (hostname constraints
     * read the per-node counts instead). Nodes missing a required key are ignored. With the system
     * defaults a node without the key belongs to the "" domain, as upstream reads a missing label.
     */
    record ScoreState(List<SpreadConstraint> constraints, TopologyColumn[] columns, boolean[] hostname, int[] emptyDomain,
            Set<NodeInfo> ignored, double[] weights, double[] skewOffset, long[][] counts, SelectorIndex.Counts[] hostCounts) {

        int canonical(int i, int domain) {
            return domain == emptyDomain[i] ? TopologyColumn.MISSING : domain;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod) {
        List<SpreadConstraint> constraints =
                SpreadConstraint.of(pod.pod(), TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE);
        if (constraints.isEmpty()) {
            return PreFilterResult.SKIP;
        }
        int n = constraints.size();
        Tally[] counts = new Tally[n];
        int[] domains = new int[n];
        int[] minMatch = new int[n];
        boolean[] selfMatch = new boolean[n];
        boolean singleKey = SpreadConstraint.singleKey(constraints);
        Cache cluster = state.cluster();
        for (int i = 0; i < n; i++) {
            SpreadConstraint c = constraints.get(i);
            Optional<SelectorIndex.Counts> matching = c.counts(cluster, pod.pod().namespace());
            if (singleKey && c.includesEveryNode(pod) && matching.isPresent()) {
                counts[i] = matching.get().byTopology(c.topologyKey()); // live view, read only
            } else {
                Tally t = Tally.eligible(cluster.column(c.topologyKey()));
                for (NodeInfo node : cluster.nodesByIndex()) {
                    if (SpreadConstraint.nodeHasAllKeys(node, constraints) && c.includes(pod, node)) {
                        int d = t.column().domain(node);
                        t.mark(d);
                        t.add(d, matching.map(m -> m.on(node)).orElse(0));
                    }
                }
                counts[i] = t;
            }
            domains[i] = counts[i].domains();
            minMatch[i] = counts[i].min();
            selfMatch[i] = c.selects(pod);
        }
        state.write(FILTER, new FilterState(constraints, counts, domains, minMatch, selfMatch));
        return PreFilterResult.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        FilterState s = state.read(FILTER);
        for (int i = 0; i < s.constraints.size(); i++) {
            SpreadConstraint c = s.constraints.get(i);
            int d = s.counts[i].column().domain(node);
            if (d == TopologyColumn.MISSING) {
                return Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
            }
            long min = s.domains[i] < c.minDomains() ? 0 : s.minMatch[i];
            long skew = (long) s.counts[i].at(d) + (s.selfMatch[i] ? 1 : 0) - min;
            if (skew > c.maxSkew()) {
                return Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
            }
        }
        return Status.SUCCESS;
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        List<SpreadConstraint> constraints =
                SpreadConstraint.of(pod.pod(), TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY);
        if (constraints.isEmpty()) {
            return Status.SKIP;
        }
        Cache cluster = state.cluster();
        // only the system defaults let nodes without a zone still be spread by hostname
        boolean requireAll = !pod.pod().topologySpreadConstraints().isEmpty();
        int n = constraints.size();
        TopologyColumn[] columns = new TopologyColumn[n];
        boolean[] hostname = new boolean[n];
        int[] emptyDomain = new int[n];
        boolean[][] present = new boolean[n][];
        for (int i = 0; i < n; i++) {
            columns[i] = cluster.column(constraints.get(i).topologyKey());
            hostname[i] = KubeNode.HOSTNAME_LABEL.equals(columns[i].key());
            emptyDomain[i] = requireAll ? -1 : columns[i].id("");
            // hostname constraints count per node, not per domain
            present[i] = hostname[i] ? null : new boolean[columns[i].size()];
        }
        Set<NodeInfo> ignored = new HashSet<>();
        double[] skewOffset = new double[n];
        for (int i = 0; i < n; i++) {
            skewOffset[i] = constraints.get(i).maxSkew() - 1;
        }
        ScoreState s = new ScoreState(constraints, columns, hostname, emptyDomain, ignored, new double[n], skewOffset,
                new long[n][], new SelectorIndex.Counts[n]);
        // the domains of the feasible nodes; without nodes to ignore the walk stops once all are seen
        int unseen = 0;
        for (int i = 0; i < n; i++) {
            if (!hostname[i]) {
                unseen += domainsWithNodes(s, i);
            }
        }
        int[] indexes = state.indexes(nodes);
        for (int k = 0; k < indexes.length && (requireAll || unseen > 0); k++) {
            if (requireAll && !hasAllKeys(columns, indexes[k])) {
                ignored.add(nodes.get(k));
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (!hostname[i]) {
                    int d = s.canonical(i, columns[i].domainAt(indexes[k]));
                    if (!present[i][d]) {
                        present[i][d] = true;
                        unseen--;
                    }
                }
            }
        }
        boolean walkAll = false;
        for (int i = 0; i < n; i++) {
            SpreadConstraint c = constraints.get(i);
            Optional<SelectorIndex.Counts> matching = c.counts(cluster, pod.pod().namespace());
            if (hostname[i]) {
                s.weights[i] = Math.log(nodes.size() - ignored.size() + 2);
                s.hostCounts[i] = matching.orElse(null);
                continue;
            }
            s.counts[i] = new long[columns[i].size()];
            int size = 0;
            for (boolean p : present[i]) {
                size += p ? 1 : 0;
            }
            s.weights[i] = Math.log(size + 2);
            if (matching.isEmpty()) {
                continue;
            }
            if (c.includesEveryNode(pod) && (!requireAll || SpreadConstraint.singleKey(constraints))) {
                Tally view = matching.get().byTopology(c.topologyKey());
                for (int d = 0; d < present[i].length; d++) {
                    if (present[i][d]) {
                        // the "" domain also holds the nodes without the key
                        s.counts[i][d] = d == TopologyColumn.MISSING && emptyDomain[i] > 0
                                ? view.at(TopologyColumn.MISSING) + view.at(emptyDomain[i]) : view.at(d);
                    }
                }
            } else {
                walkAll = true;
            }
        }
        if (walkAll) {
            countByWalking(cluster, pod, s, present, requireAll);
        }
        state.write(SCORE, s);
        return Status.SUCCESS;
    }

    /**
     * {@link SpreadConstraint#nodeHasAllKeys} read from the constraints' columns, where a node without
     * the key is in domain {@link TopologyColumn#MISSING}: an array read, not a label lookup, per node.
     */
    private static boolean hasAllKeys(TopologyColumn[] columns, int nodeIndex) {
        for (TopologyColumn c : columns) {
            if (c.domainAt(nodeIndex) == TopologyColumn.MISSING) {
                return false;
            }
        }
        return true;
    }

    /** How many domains of constraint {@code i} hold a node, the "" domain and the nodes without the key as one. */
    private static int domainsWithNodes(ScoreState s, int i) {
        TopologyColumn column = s.columns[i];
        boolean[] seen = new boolean[column.size()];
        int count = 0;
        for (int d = 0; d < column.size(); d++) {
            int c = s.canonical(i, d);
            if (column.hasNodes(d) && !seen[c]) {
                seen[c] = true;
                count++;
            }
        }
        return count;
    }

    /** Upstream {@code processAllNode}: every node that passes the inclusion policies adds its matching pods. */
    private static void countByWalking(Cache cluster, PodInfo pod, ScoreState s, boolean[][] present,
            boolean requireAll) {
        int n = s.constraints.size();
        SelectorIndex.Counts[] matching = new SelectorIndex.Counts[n];
        for (int i = 0; i < n; i++) {
            if (!s.hostname[i]) {
                matching[i] = s.constraints.get(i).counts(cluster, pod.pod().namespace()).orElse(null);
                java.util.Arrays.fill(s.counts[i], 0);
            }
        }
        for (NodeInfo node : cluster.nodesByIndex()) {
            if (requireAll && !SpreadConstraint.nodeHasAllKeys(node, s.constraints)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (matching[i] == null || !s.constraints.get(i).includes(pod, node)) {
                    continue;
                }
                int d = s.canonical(i, s.columns[i].domain(node));
                if (present[i][d]) {
                    s.counts[i][d] += matching[i].on(node);
                }
            }
        }
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long[] out = new long[1];
        scoreAll(state, pod, List.of(node), out);
        return out[0];
    }

    /**
     * The PreScore state is read once and the domains by node index, not node by node. The loop over
     * the nodes is here, not in a method per node, so the compiler keeps what it reads of the state
     * out of the loop: it inlines only small methods into a hot one.
     */
    @Override
    public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] out) {
        ScoreState s = state.read(SCORE);
        int[] indexes = state.indexes(nodes);
        TopologyColumn[] columns = s.columns;
        boolean[] hostname = s.hostname;
        SelectorIndex.Counts[] hostCounts = s.hostCounts;
        long[][] counts = s.counts;
        double[] weights = s.weights;
        double[] skewOffset = s.skewOffset;
        boolean anyIgnored = !s.ignored.isEmpty();
        for (int k = 0; k < out.length; k++) {
            if (anyIgnored && s.ignored.contains(nodes.get(k))) {
                out[k] = 0;
                continue;
            }
            int x = indexes[k];
            double score = 0;
            for (int i = 0; i < columns.length; i++) {
                int d = columns[i].domainAt(x);
                if (d == TopologyColumn.MISSING) {
                    continue;
                }
                long count;
                if (hostname[i]) {
                    count = hostCounts[i] == null ? 0 : hostCounts[i].at(x);
                } else {
                    count = counts[i][s.canonical(i, d)];
                }
                score += count * weights[i] + skewOffset[i];
            }
            out[k] = Math.round(score);
        }
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScoreState s = state.read(SCORE);
        boolean anyIgnored = !s.ignored.isEmpty();
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < scores.length; i++) {
            if (anyIgnored && s.ignored.contains(nodes.get(i))) {
                continue;
            }
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        for (int i = 0; i < scores.length; i++) {
            if (anyIgnored && s.ignored.contains(nodes.get(i))) {
                scores[i] = 0;
            } else if (max == 0) {
                scores[i] = ScoreNormalizer.MAX_NODE_SCORE;
            } else {
                scores[i] = ScoreNormalizer.MAX_NODE_SCORE * (max + min - scores[i]) / max;
            }
        }
    }
}
