package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile's plugins sorted by extension point, in the profile's order, and the loops that run
 * them (upstream {@code frameworkImpl}): PreFilter with its Skip bookkeeping and node-name
 * narrowing, and Filter, which stops at the first plugin that rejects.
 */
final class Framework {

    final List<PreFilterPlugin> preFilters = new ArrayList<>();
    final List<FilterPlugin> filters = new ArrayList<>();
    final List<ScorePlugin> scorers = new ArrayList<>();
    final List<PostFilterPlugin> postFilters = new ArrayList<>();
    final List<ReservePlugin> reservers = new ArrayList<>();
    final long[] weights;
    private final int[] preFilterToFilter;

    Framework(List<Profile.Entry> plugins) {
        List<Long> w = new ArrayList<>();
        for (Profile.Entry e : plugins) {
            Plugin p = e.plugin();
            if (p instanceof PreFilterPlugin x) {
                preFilters.add(x);
            }
            if (p instanceof FilterPlugin x) {
                filters.add(x);
            }
            if (p instanceof ScorePlugin x) {
                scorers.add(x);
                w.add((long) e.weight());
            }
            if (p instanceof PostFilterPlugin x) {
                postFilters.add(x);
            }
            if (p instanceof ReservePlugin x) {
                reservers.add(x);
            }
        }
        weights = w.stream().mapToLong(Long::longValue).toArray();
        preFilterToFilter = new int[preFilters.size()];
        for (int i = 0; i < preFilters.size(); i++) {
            Plugin p = preFilters.get(i);
            preFilterToFilter[i] = p instanceof FilterPlugin f ? filters.indexOf(f) : -1;
        }
    }

    /**
     * What PreFilter decided: a rejection ({@code status} not success, with the plugin name), the
     * filters to skip, and the node names to restrict Filter to, with the plugins that restricted.
     */
    record PreFilterOutcome(Status status, FilterPlugin[] activeFilters, Optional<Set<String>> nodeNames,
            List<String> narrowedBy) {

        /** The status of a node PreFilter left out (upstream absent-nodes status). */
        Status outsideStatus() {
            return Status.unresolvable("node(s) didn't satisfy plugin(s) " + goList(narrowedBy));
        }

        /** A sorted list as Go prints a slice: {@code [A B]}. */
        static String goList(List<String> names) {
            return "[" + String.join(" ", new TreeSet<>(names)) + "]";
        }
    }

    PreFilterOutcome runPreFilter(CycleState state, PodInfo pod) {
        boolean[] skip = new boolean[filters.size()];
        Set<String> names = null;
        List<String> narrowedBy = new ArrayList<>();
        for (int i = 0; i < preFilters.size(); i++) {
            PreFilterPlugin p = preFilters.get(i);
            PreFilterResult r = p.preFilter(state, pod);
            if (r.status().code() == Status.Code.SKIP) {
                if (preFilterToFilter[i] >= 0) {
                    skip[preFilterToFilter[i]] = true;
                }
                continue;
            }
            if (!r.status().isSuccess()) {
                return new PreFilterOutcome(r.status().withPlugin(p.name()), active(skip), Optional.empty(), narrowedBy);
            }
            if (r.nodeNames().isPresent()) {
                narrowedBy.add(p.name());
                if (names == null) {
                    names = new TreeSet<>(r.nodeNames().get());
                } else {
                    names.retainAll(r.nodeNames().get());
                }
            }
        }
        if (names != null && names.isEmpty()) {
            String msg = narrowedBy.size() == 1
                    ? "node(s) didn't satisfy plugin " + narrowedBy.get(0)
                    : "node(s) didn't satisfy plugin(s) " + PreFilterOutcome.goList(narrowedBy) + " simultaneously";
            return new PreFilterOutcome(Status.unresolvable(msg), active(skip), Optional.empty(), narrowedBy);
        }
        return new PreFilterOutcome(Status.SUCCESS, active(skip), Optional.ofNullable(names), narrowedBy);
    }

    private FilterPlugin[] active(boolean[] skip) {
        List<FilterPlugin> out = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            if (!skip[i]) {
                out.add(filters.get(i));
            }
        }
        return out.toArray(new FilterPlugin[0]);
    }

    /**
     * Filters a chunk of nodes plugin by plugin: each plugin sees only the nodes every earlier one
     * passed, so each node ends with the first rejection, exactly as running the plugins node by
     * node; statuses come back named after their plugin.
     */
    static void runFilters(CycleState state, PodInfo pod, NodeInfo[] nodes, int[] indexes, int n,
            FilterPlugin[] active, Status[] statuses) {
        java.util.Arrays.fill(statuses, 0, n, Status.SUCCESS);
        for (FilterPlugin f : active) {
            f.filterAll(state, pod, nodes, indexes, n, statuses);
            for (int i = 0; i < n; i++) {
                Status s = statuses[i];
                if (s != Status.SUCCESS && s.plugin().isEmpty()) {
                    statuses[i] = s.isSuccess() ? Status.SUCCESS : s.withPlugin(f.name());
                }
            }
        }
    }

    /** The first rejection among the filters PreFilter did not skip, named after its plugin; success otherwise. */
    static Status runFilters(CycleState state, PodInfo pod, NodeInfo node, FilterPlugin[] active) {
        for (FilterPlugin f : active) {
            Status s = f.filter(state, pod, node);
            if (!s.isSuccess()) {
                return s.withPlugin(f.name());
            }
        }
        return Status.SUCCESS;
    }

    /** A fresh cycle's PreFilter and Filter for one node, as preemption's dry run needs after each change. */
    Status fits(ClusterState cluster, PodInfo pod, NodeInfo node) {
        CycleState state = new CycleState(cluster);
        PreFilterOutcome pre = runPreFilter(state, pod);
        if (!pre.status().isSuccess()) {
            return pre.status();
        }
        if (pre.nodeNames().isPresent() && !pre.nodeNames().get().contains(node.name)) {
            return pre.outsideStatus();
        }
        return runFilters(state, pod, node, pre.activeFilters());
    }
}
