package io.flotilla.scheduler.placement.kubernetes.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.ScorePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one plugin the way upstream's plugin tests do: a snapshot of nodes and existing pods, then
 * PreFilter and Filter on one node, or PreScore, Score and NormalizeScore over the candidate nodes.
 * Each run also checks that the framework's bulk calls ({@code filterAll}, {@code scoreAll}) agree
 * with the per-node ones.
 */
public final class Harness {

    private Harness() {}

    /** 1 core in millicores, for upstream quantities such as {@code "cpu": "4000"} (4000 cores). */
    public static long cores(long n) {
        return n * 1000;
    }

    public static KubeNode.Builder node(String name) {
        return KubeNode.builder(name);
    }

    public static Pod.Builder pod(String name) {
        return Pod.builder(name);
    }

    /** A pod bound to {@code node}, for the existing pods of a case. */
    public record Bound(Pod pod, String node) {}

    public static Bound on(String node, Pod.Builder pod) {
        return new Bound(pod.build(), node);
    }

    public static Cache cluster(List<KubeNode> nodes, List<Bound> pods) {
        Cache c = Cache.of(nodes);
        for (Bound b : pods) {
            c.bind(b.pod, b.node);
        }
        return c;
    }

    /**
     * PreScore, Score and NormalizeScore over {@code candidates} (names, in the cluster); returns
     * null when PreScore skipped the pod.
     */
    public static long[] score(ScorePlugin plugin, Cache cluster, Pod pod, List<String> candidates) {
        CycleState state = new CycleState(cluster);
        PodInfo info = new PodInfo(pod);
        List<NodeInfo> nodes = new ArrayList<>();
        for (String n : candidates) {
            nodes.add(cluster.nodeInfo(n).orElseThrow());
        }
        if (plugin.preScore(state, info, nodes).code() == Status.Code.SKIP) {
            return null;
        }
        long[] scores = new long[nodes.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = plugin.score(state, info, nodes.get(i));
        }
        long[] bulk = new long[nodes.size()];
        plugin.scoreAll(state, info, nodes, bulk);
        assertArrayEquals(scores, bulk, "scoreAll disagrees with score");
        plugin.normalize(state, info, nodes, scores);
        return scores;
    }

    /** Scores over every node of the cluster, in the order they were added. */
    public static long[] score(ScorePlugin plugin, Cache cluster, Pod pod) {
        return score(plugin, cluster, pod, cluster.nodesByIndex().stream().map(NodeInfo::name).toList());
    }

    /** PreFilter (if the plugin has one; a Skip passes every node) then Filter on one node. */
    public static Status filter(FilterPlugin plugin, Cache cluster, Pod pod, String node) {
        CycleState state = new CycleState(cluster);
        PodInfo info = new PodInfo(pod);
        if (plugin instanceof PreFilterPlugin p) {
            PreFilterResult r = p.preFilter(state, info);
            if (r.status().code() == Status.Code.SKIP) {
                return Status.SUCCESS;
            }
            if (!r.status().isSuccess()) {
                return r.status();
            }
        }
        NodeInfo n = cluster.nodeInfo(node).orElseThrow();
        Status s = plugin.filter(state, info, n);
        Status[] bulk = {Status.SUCCESS};
        plugin.filterAll(state, info, new NodeInfo[] {n}, new int[] {n.index()}, 1, bulk);
        assertEquals(s, bulk[0], "filterAll disagrees with filter");
        return s;
    }

    /** The scores as a list for assertEquals; null (a skipped PreScore) stays null. */
    public static List<Long> list(long... values) {
        return values == null ? null : Arrays.stream(values).boxed().toList();
    }
}
