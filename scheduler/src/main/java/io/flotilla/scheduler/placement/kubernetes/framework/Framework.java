package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The profile's plugins sorted by extension point, in the profile's order, and the loops that run
 * them (upstream {@code frameworkImpl}): PreFilter with its Skip bookkeeping and node-name
 * narrowing; Filter, which stops at the first plugin that rejects; PostFilter; PreScore, Score and
 * NormalizeScore with the weighted sum; Reserve with its undoing.
 */
public final class Framework {

    private final List<PreFilterPlugin> preFilters = new ArrayList<>();
    private final List<FilterPlugin> filters = new ArrayList<>();
    private final List<ScorePlugin> scorers = new ArrayList<>();
    private final List<PostFilterPlugin> postFilters = new ArrayList<>();
    private final List<ReservePlugin> reservers = new ArrayList<>();
    private final List<PreBindPlugin> preBinders = new ArrayList<>();
    private final long[] weights;
    private final int[] preFilterToFilter;

    public Framework(List<WeightedPlugin> plugins) {
        List<Long> w = new ArrayList<>();
        for (WeightedPlugin e : plugins) {
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
            if (p instanceof PreBindPlugin x) {
                preBinders.add(x);
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
    public record PreFilterOutcome(Status status, FilterPlugin[] activeFilters, Optional<Set<String>> nodeNames,
            List<String> narrowedBy) {

        /** The status of a node PreFilter left out (upstream absent-nodes status). */
        public Status outsideStatus() {
            return Status.unresolvable("node(s) didn't satisfy plugin(s) " + goList(narrowedBy));
        }

        /** A sorted list as Go prints a slice: {@code [A B]}. */
        static String goList(List<String> names) {
            return "[" + String.join(" ", new TreeSet<>(names)) + "]";
        }
    }

    public PreFilterOutcome runPreFilter(CycleState state, PodInfo pod) {
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
    public static void runFilters(CycleState state, PodInfo pod, NodeInfo[] nodes, int[] indexes, int n,
            FilterPlugin[] active, Status[] statuses) {
        Arrays.fill(statuses, 0, n, Status.SUCCESS);
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
    private static Status runFilters(CycleState state, PodInfo pod, NodeInfo node, FilterPlugin[] active) {
        for (FilterPlugin f : active) {
            Status s = f.filter(state, pod, node);
            if (!s.isSuccess()) {
                return s.withPlugin(f.name());
            }
        }
        return Status.SUCCESS;
    }

    /** A fresh cycle's PreFilter and Filter for one node, as preemption's dry run needs after each change. */
    public Status fits(Cache cluster, PodInfo pod, NodeInfo node) {
        CycleState state = new CycleState(cluster);
        PreFilterOutcome pre = runPreFilter(state, pod);
        if (!pre.status().isSuccess()) {
            return pre.status();
        }
        if (pre.nodeNames().isPresent() && !pre.nodeNames().get().contains(node.name())) {
            return pre.outsideStatus();
        }
        return runFilters(state, pod, node, pre.activeFilters());
    }

    /**
     * PostFilter, when no node is feasible: the first plugin that nominates a node ends the walk;
     * otherwise the plugins' messages, joined by {@code ", "}, go after the FitError.
     *
     * @param statuses the filter verdict of every node, keyed by node name
     */
    public PostFilterResult runPostFilterPlugins(CycleState state, PodInfo pod, Map<String, Status> statuses,
            SplittableRandom random) {
        List<String> messages = new ArrayList<>();
        for (PostFilterPlugin p : postFilters) {
            PostFilterResult r = p.postFilter(this, state, pod, statuses, random);
            if (r.nomination().isPresent()) {
                return new PostFilterResult(r.nomination(), "");
            }
            if (!r.message().isEmpty()) {
                messages.add(r.message());
            }
        }
        return new PostFilterResult(Optional.empty(), String.join(", ", messages));
    }

    /**
     * The feasible nodes' scores: the weighted sum over the score plugins of their normalised scores,
     * node by node ({@code totals}, in the order of {@code feasible}), and with {@code explain} each
     * plugin's normalised scores by plugin name, in profile order ({@code perPlugin}, empty
     * otherwise). Plugins whose PreScore skips the pod add nothing; a plugin that knows one score
     * for every node ({@link ScorePlugin#uniformScore}) is not asked node by node.
     */
    public record Scores(long[] totals, Map<String, long[]> perPlugin) {}

    /**
     * PreScore, Score, NormalizeScore and the weighted sum (upstream {@code RunScorePlugins} and
     * {@code prioritizeNodes}). Without {@code explain} the totals are the cycle's {@code buffers}, valid
     * until it releases them.
     */
    public Scores runScorePlugins(CycleState state, PodInfo pod, List<NodeInfo> feasible, boolean explain,
            CycleBuffers buffers) {
        long[] totals = explain ? new long[feasible.size()] : buffers.totals(feasible.size());
        long[] scores = explain ? new long[feasible.size()] : buffers.scores(feasible.size());
        long uniformTotal = 0; // what plugins that score every node alike add to every total
        Map<String, long[]> perPlugin = explain ? new LinkedHashMap<>() : Map.of();
        for (int j = 0; j < scorers.size(); j++) {
            ScorePlugin scorer = scorers.get(j);
            if (scorer.preScore(state, pod, feasible).code() == Status.Code.SKIP) {
                continue;
            }
            if (explain) {
                scores = new long[feasible.size()]; // each plugin's scores are kept for the explanation
            }
            long weight = weights[j];
            OptionalLong uniform = scorer.uniformScore(state, pod);
            if (uniform.isPresent()) {
                uniformTotal += uniform.getAsLong() * weight;
                if (explain) {
                    Arrays.fill(scores, uniform.getAsLong());
                    perPlugin.put(scorer.name(), scores);
                }
                continue;
            }
            scorer.scoreAll(state, pod, feasible, scores);
            scorer.normalize(state, pod, feasible, scores);
            for (int k = 0; k < scores.length; k++) {
                if (scores[k] < 0 || scores[k] > ScoreNormalizer.MAX_NODE_SCORE) {
                    throw new IllegalStateException(scorer.name() + " scored " + feasible.get(k).name() + " " + scores[k]
                            + ", outside [0, 100]");
                }
                totals[k] += scores[k] * weight;
            }
            if (explain) {
                perPlugin.put(scorer.name(), scores);
            }
        }
        for (int k = 0; k < totals.length; k++) {
            totals[k] += uniformTotal;
        }
        return new Scores(totals, perPlugin);
    }

    /**
     * Reserve on the chosen node, plugin by plugin; when one fails, the plugins that reserved are
     * undone in reverse order and then the one that failed. Returns the error, as upstream words it
     * ({@code running Reserve plugin "VolumeBinding": ...}), or empty when every plugin reserved.
     */
    public Optional<String> runReservePlugins(CycleState state, PodInfo pod, NodeInfo node) {
        List<ReservePlugin> reserved = new ArrayList<>();
        for (ReservePlugin r : reservers) {
            Status s = r.reserve(state, pod, node);
            if (!s.isSuccess()) {
                for (int i = reserved.size() - 1; i >= 0; i--) {
                    reserved.get(i).unreserve(state, pod, node);
                }
                r.unreserve(state, pod, node);
                return Optional.of("running Reserve plugin \"" + r.name() + "\": " + s.message());
            }
            reserved.add(r);
        }
        return Optional.empty();
    }

    /**
     * PreBind on the chosen node, plugin by plugin, stopping at the first failure; then every
     * Reserve is undone, as upstream's binding cycle does. Returns the error as upstream words it
     * ({@code running PreBind plugin "VolumeBinding": ...}), or empty.
     */
    public Optional<String> runPreBindPlugins(CycleState state, PodInfo pod, NodeInfo node) {
        for (PreBindPlugin p : preBinders) {
            Status s = p.preBind(state, pod, node.name());
            if (!s.isSuccess()) {
                for (int i = reservers.size() - 1; i >= 0; i--) {
                    reservers.get(i).unreserve(state, pod, node);
                }
                return Optional.of("running PreBind plugin \"" + p.name() + "\": " + s.message());
            }
        }
        return Optional.empty();
    }
}
