package io.flotilla.scheduler.placement.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleBuffers;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FitError;
import io.flotilla.scheduler.placement.kubernetes.framework.Framework;
import io.flotilla.scheduler.placement.kubernetes.framework.PostFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One pod's scheduling cycle as kube-scheduler runs it (schedule_one.go), as a function of the
 * cluster state, the pod and a random source: PreFilter, Filter from the rotating start until
 * {@link #numFeasibleNodesToFind} nodes fit, PostFilter (preemption) when none does, PreScore, Score,
 * NormalizeScore, the weighted sum, and a uniform choice among the top-scoring nodes.
 *
 * <p>{@link #schedule} changes nothing; {@link #scheduleAndAssume} also runs Reserve and PreBind (at
 * once: the binding cycle is not asynchronous here), binds the pod and moves the filter start, which is what the simulated scheduler does pod after pod. The random
 * source is only drawn from to break ties and to pick preemption's starting node, so equal seeds give
 * equal decisions.
 */
public final class KubernetesPlacement {

    /** The default-scheduler profile. */
    public static final KubernetesPlacement DEFAULT = new KubernetesPlacement(Profile.defaults());

    static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
    private static final int MIN_CHUNK = 16;
    private static final int MAX_CHUNK = 128;
    /** Upstream {@code ErrNoNodesAvailable}. */
    static final String NO_NODES_AVAILABLE = "no nodes available to schedule pods";

    private final Profile profile;
    private final Framework framework;

    public KubernetesPlacement(Profile profile) {
        this.profile = profile;
        this.framework = new Framework(profile.plugins());
    }

    public Profile profile() {
        return profile;
    }

    /**
     * Chooses a node for the pod, or says why none fits, without changing {@code cluster}.
     *
     * @param explain whether to return a {@link NodeVerdict} for every node
     */
    public ScheduleResult schedule(ClusterState cluster, Pod pod, SplittableRandom random, boolean explain) {
        return cycle(cluster.cache, new PodInfo(pod), random, explain).result;
    }

    /**
     * Schedules the pod, then reserves, pre-binds, binds it to the chosen node and advances the filter
     * start, so that it counts for the next pod. A failed Reserve or PreBind is undone and reported
     * as the failure.
     */
    public ScheduleResult scheduleAndAssume(ClusterState cluster, Pod pod, SplittableRandom random) {
        return scheduleAndAssume(cluster, pod, random, false);
    }

    /**
     * {@link #scheduleAndAssume(ClusterState, Pod, SplittableRandom)}, with every node's verdict when
     * {@code explain} is set; explaining draws nothing more from {@code random}, so it changes no decision.
     */
    public ScheduleResult scheduleAndAssume(ClusterState cluster, Pod pod, SplittableRandom random, boolean explain) {
        Cache cache = cluster.cache;
        PodInfo info = new PodInfo(pod);
        Cycle c = cycle(cache, info, random, explain);
        cache.advanceStartIndex(c.result.processedNodes());
        if (!c.result.scheduled()) {
            return c.result;
        }
        NodeInfo node = c.chosen.orElseThrow();
        Optional<String> error = framework.runReservePlugins(c.state, info, node);
        if (error.isEmpty()) {
            error = framework.runPreBindPlugins(c.state, info, node);
        }
        if (error.isPresent()) {
            return new ScheduleResult(Optional.empty(), error, Optional.empty(),
                    c.result.processedNodes(), c.result.feasibleNodes(), List.of());
        }
        cache.bind(info, node);
        return c.result;
    }

    /** Upstream {@code numFeasibleNodesToFind}: every node below 100, else an adaptive share, at least 100. */
    static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
        if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return numAllNodes;
        }
        int percentage = percentageOfNodesToScore;
        if (percentage == 0) {
            percentage = 50 - numAllNodes / 125;
            if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) {
                percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
            }
        }
        int numNodes = (int) ((long) numAllNodes * percentage / 100);
        return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
    }

    /** A cycle's state and result, and the node it chose, if it chose one. */
    private record Cycle(CycleState state, ScheduleResult result, Optional<NodeInfo> chosen) {
        Cycle(CycleState state, ScheduleResult result) {
            this(state, result, Optional.empty());
        }
    }

    private Cycle cycle(Cache cluster, PodInfo pod, SplittableRandom random, boolean explain) {
        CycleBuffers buffers = CycleBuffers.take();
        try {
            return cycle(cluster, pod, random, explain, buffers);
        } finally {
            buffers.release();
        }
    }

    private Cycle cycle(Cache cluster, PodInfo pod, SplittableRandom random, boolean explain, CycleBuffers buffers) {
        CycleState state = new CycleState(cluster);
        NodeInfo[] all = cluster.orderedNodes();
        if (all.length == 0) {
            return new Cycle(state, new ScheduleResult(Optional.empty(), Optional.of(NO_NODES_AVAILABLE), Optional.empty(),
                    0, 0, List.of()));
        }
        Map<String, Status> statuses = new LinkedHashMap<>();
        Framework.PreFilterOutcome pre = framework.runPreFilter(state, pod);
        if (!pre.status().isSuccess()) {
            for (NodeInfo n : all) {
                statuses.put(n.name(), pre.status());
            }
            return new Cycle(state, fail(state, pod, all, pre.status().message(), statuses, List.of(), 0, random, explain));
        }
        NodeInfo[] nodes = all;
        int[] nodeIndexes = cluster.orderedIndexes();
        if (pre.nodeNames().isPresent()) {
            Set<String> names = pre.nodeNames().get();
            List<NodeInfo> kept = new ArrayList<>();
            for (NodeInfo n : all) {
                if (names.contains(n.name())) {
                    kept.add(n);
                } else {
                    statuses.put(n.name(), pre.outsideStatus());
                }
            }
            nodes = kept.toArray(new NodeInfo[0]);
            nodeIndexes = kept.stream().mapToInt(NodeInfo::index).toArray();
        }
        int toFind = numFeasibleNodesToFind(profile.percentageOfNodesToScore(), nodes.length);
        int start = cluster.nextStartNodeIndex();
        NodeInfo[] found = buffers.feasible(Math.min(toFind, nodes.length));
        int[] feasibleIndexes = buffers.feasibleIndexes(found.length);
        int count = 0;
        int processed = 0;
        // chunks of nodes go through the filters plugin by plugin; nodes past the one that completes
        // the feasible set are dropped unprocessed, so the outcome is that of going node by node
        NodeInfo[] chunk = buffers.chunk(MAX_CHUNK);
        int[] chunkIndexes = buffers.chunkIndexes(MAX_CHUNK);
        Status[] chunkStatus = buffers.chunkStatuses(MAX_CHUNK);
        Rejections rejections = new Rejections();
        while (processed < nodes.length && count < toFind) {
            int n = Math.min(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, toFind - count)), nodes.length - processed);
            int next = (start + processed) % nodes.length;
            for (int i = 0; i < n; i++) {
                chunk[i] = nodes[next];
                chunkIndexes[i] = nodeIndexes[next];
                next = next + 1 == nodes.length ? 0 : next + 1;
            }
            Framework.runFilters(state, pod, chunk, chunkIndexes, n, pre.activeFilters(), chunkStatus);
            for (int i = 0; i < n && count < toFind; i++) {
                processed++;
                if (chunkStatus[i].isSuccess()) {
                    feasibleIndexes[count] = chunkIndexes[i];
                    found[count++] = chunk[i];
                } else {
                    rejections.add(chunk[i], chunkStatus[i]);
                }
            }
        }
        List<NodeInfo> feasible = Arrays.asList(count == found.length ? found : Arrays.copyOf(found, count));
        if (feasible.isEmpty() || explain) {
            rejections.putInto(statuses);
        }
        if (feasible.isEmpty()) {
            return new Cycle(state, fail(state, pod, all, "", statuses, feasible, processed, random, explain));
        }
        if (feasible.size() == 1) {
            NodeInfo only = feasible.get(0);
            // scoring does not run for a single feasible node: no scores, total 0
            List<NodeVerdict> verdicts = explain ? verdicts(all, statuses, feasible, new long[1], Map.of()) : List.of();
            return new Cycle(state, new ScheduleResult(Optional.of(only.name()), Optional.empty(), Optional.empty(),
                    processed, 1, verdicts), Optional.of(only));
        }
        state.setIndexes(feasible, count == feasibleIndexes.length ? feasibleIndexes : Arrays.copyOf(feasibleIndexes, count));
        Framework.Scores scores = framework.runScorePlugins(state, pod, feasible, explain, buffers);
        NodeInfo chosen = selectHost(feasible, scores.totals(), random);
        List<NodeVerdict> verdicts = explain ? verdicts(all, statuses, feasible, scores.totals(), scores.perPlugin())
                : List.of();
        return new Cycle(state, new ScheduleResult(Optional.of(chosen.name()), Optional.empty(), Optional.empty(),
                processed, feasible.size(), verdicts), Optional.of(chosen));
    }

    /**
     * The nodes the filters rejected, in the order they were filtered, with their statuses. Only a
     * failure (PostFilter, the fit error) and an explanation read them by name, so a cycle that
     * places its pod never reads the rejected nodes' names nor fills a map with them: in a zone
     * gone dark, a few hundred nodes a cycle.
     */
    private static final class Rejections {
        private final List<NodeInfo> nodes = new ArrayList<>();
        private final List<Status> statuses = new ArrayList<>();

        void add(NodeInfo node, Status status) {
            nodes.add(node);
            statuses.add(status);
        }

        void putInto(Map<String, Status> byName) {
            for (int i = 0; i < nodes.size(); i++) {
                byName.put(nodes.get(i).name(), statuses.get(i));
            }
        }
    }

    /**
     * Upstream {@code selectHost}: a uniform choice among the nodes with the highest total. Upstream
     * samples a reservoir, one draw per tie; one draw among the ties, counted first, gives the same
     * distribution.
     */
    private static NodeInfo selectHost(List<NodeInfo> feasible, long[] totals, SplittableRandom random) {
        long max = Long.MIN_VALUE;
        int count = 0;
        for (long t : totals) {
            if (t > max) {
                max = t;
                count = 1;
            } else if (t == max) {
                count++;
            }
        }
        int pick = count == 1 ? 0 : random.nextInt(count);
        for (int k = 0; k < totals.length; k++) {
            if (totals[k] == max && pick-- == 0) {
                return feasible.get(k);
            }
        }
        throw new IllegalStateException("no top-scoring node");
    }

    private ScheduleResult fail(CycleState state, PodInfo pod, NodeInfo[] all, String preFilterMsg,
            Map<String, Status> statuses, List<NodeInfo> feasible, int processed, SplittableRandom random, boolean explain) {
        PostFilterResult post = framework.runPostFilterPlugins(state, pod, statuses, random);
        String message = FitError.message(all.length, preFilterMsg, statuses, post.message());
        List<NodeVerdict> verdicts = explain ? verdicts(all, statuses, feasible, new long[0], Map.of()) : List.of();
        return new ScheduleResult(Optional.empty(), Optional.of(message), post.nomination(), processed, 0, verdicts);
    }

    private static List<NodeVerdict> verdicts(NodeInfo[] all, Map<String, Status> statuses, List<NodeInfo> feasible,
            long[] totals, Map<String, long[]> perPlugin) {
        Map<NodeInfo, Integer> position = new HashMap<>();
        for (int k = 0; k < feasible.size(); k++) {
            position.put(feasible.get(k), k);
        }
        List<NodeVerdict> out = new ArrayList<>(all.length);
        for (NodeInfo n : all) {
            Status s = statuses.get(n.name());
            Integer k = position.get(n);
            if (s != null) {
                out.add(new NodeVerdict(n.name(), true, false, s.plugin(), s.reasons(), Map.of(), 0));
            } else if (k != null) {
                Map<String, Long> scores = new LinkedHashMap<>();
                perPlugin.forEach((name, values) -> scores.put(name, values[k]));
                out.add(new NodeVerdict(n.name(), true, true, "", List.of(), scores, totals[k]));
            } else {
                out.add(new NodeVerdict(n.name(), false, false, "", List.of(), Map.of(), 0));
            }
        }
        return out;
    }
}
