package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one plugin the way upstream's plugin tests do: a snapshot of nodes and existing pods, then
 * PreFilter and Filter on one node, or PreScore, Score and NormalizeScore over the candidate nodes.
 */
final class Harness {

    private Harness() {}

    /** 1 core in millicores, for upstream quantities such as {@code "cpu": "4000"} (4000 cores). */
    static long cores(long n) {
        return n * 1000;
    }

    static KubeNode.Builder node(String name) {
        return KubeNode.builder(name);
    }

    static Pod.Builder pod(String name) {
        return Pod.builder(name);
    }

    /** A pod bound to {@code node}, for the existing pods of a case. */
    record Bound(Pod pod, String node) {}

    static Bound on(String node, Pod.Builder pod) {
        return new Bound(pod.build(), node);
    }

    static ClusterState cluster(List<KubeNode> nodes, List<Bound> pods) {
        ClusterState c = ClusterState.of(nodes);
        for (Bound b : pods) {
            c.bind(b.pod, b.node);
        }
        return c;
    }

    /**
     * PreScore, Score and NormalizeScore over {@code candidates} (names, in the cluster); returns
     * null when PreScore skipped the pod.
     */
    static long[] score(ScorePlugin plugin, ClusterState cluster, Pod pod, List<String> candidates) {
        CycleState state = new CycleState(cluster);
        PodInfo info = new PodInfo(pod);
        List<NodeInfo> nodes = new ArrayList<>();
        for (String n : candidates) {
            nodes.add(cluster.nodeInfo(n));
        }
        if (plugin.preScore(state, info, nodes).code() == Status.Code.SKIP) {
            return null;
        }
        long[] scores = new long[nodes.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = plugin.score(state, info, nodes.get(i));
        }
        plugin.normalize(state, info, nodes, scores);
        return scores;
    }

    /** Scores over every node of the cluster, in the order they were added. */
    static long[] score(ScorePlugin plugin, ClusterState cluster, Pod pod) {
        return score(plugin, cluster, pod, cluster.nodesByIndex().stream().map(n -> n.name).toList());
    }

    /** PreFilter (if the plugin has one; a Skip passes every node) then Filter on one node. */
    static Status filter(FilterPlugin plugin, ClusterState cluster, Pod pod, String node) {
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
        return plugin.filter(state, info, cluster.nodeInfo(node));
    }

    /** The scores as a list for assertEquals; null (a skipped PreScore) stays null. */
    static List<Long> list(long... values) {
        return values == null ? null : Arrays.stream(values).boxed().toList();
    }
}
