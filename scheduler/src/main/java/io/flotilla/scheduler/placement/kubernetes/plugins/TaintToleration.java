package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeTable;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.ScoreNormalizer;
import io.flotilla.scheduler.placement.kubernetes.framework.ScorePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.List;
import java.util.OptionalLong;

/**
 * Filter: the first NoSchedule or NoExecute taint the pod does not tolerate rejects the node. Score:
 * the number of PreferNoSchedule taints not tolerated by the pod's PreferNoSchedule (or effect-less)
 * tolerations, normalised in reverse so that fewer is better. The reason is the v1.35 text (PR
 * #134740, cherry-picked to 1.34), which no longer prints the taint.
 */
final class TaintToleration implements FilterPlugin, ScorePlugin {

    static final String NAME = "TaintToleration";
    static final String ERR_REASON_NOT_MATCH = "node(s) had untolerated taint(s)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        if (node.taints().isEmpty()) {
            return Status.SUCCESS;
        }
        List<Toleration> tolerations = pod.pod().tolerations();
        for (Taint taint : node.taints()) {
            if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE) {
                continue;
            }
            if (!tolerated(tolerations, taint, false)) {
                return Status.unresolvable(ERR_REASON_NOT_MATCH);
            }
        }
        return Status.SUCCESS;
    }

    /**
     * Most nodes have no taint that can filter: the table row says so without touching the node. The
     * others mostly share their taints (a zone gone dark is a thousand nodes tainted alike), so the
     * verdict is worked out once per list of taints and read from the table's number for the rest.
     */
    @Override
    public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, int[] indexes, int n,
            Status[] statuses) {
        NodeTable table = state.cluster().table();
        Status[] bySet = null;
        for (int i = 0; i < n; i++) {
            if (statuses[i] == Status.SUCCESS && table.filteringTaints(indexes[i])) {
                if (bySet == null) {
                    bySet = new Status[table.taintSets()];
                }
                int set = table.taintSet(indexes[i]);
                if (bySet[set] == null) {
                    bySet[set] = filter(state, pod, nodes[i]);
                }
                statuses[i] = bySet[set];
            }
        }
    }

    @Override
    public OptionalLong uniformScore(CycleState state, PodInfo pod) {
        // with no PreferNoSchedule taint anywhere every raw score is 0, which normalises to 100
        return state.cluster().preferNoScheduleNodes() == 0 ? OptionalLong.of(ScoreNormalizer.MAX_NODE_SCORE)
                : OptionalLong.empty();
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        if (!node.hasPreferNoScheduleTaints()) {
            return 0;
        }
        long count = 0;
        for (Taint taint : node.taints()) {
            if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE && !tolerated(pod.pod().tolerations(), taint, true)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScoreNormalizer.defaultNormalize(ScoreNormalizer.MAX_NODE_SCORE, true, scores);
    }

    /**
     * Whether any toleration tolerates the taint; for scoring only the tolerations whose effect is
     * PreferNoSchedule or empty take part (upstream {@code getAllTolerationPreferNoSchedule}).
     */
    private static boolean tolerated(List<Toleration> tolerations, Taint taint, boolean preferNoScheduleOnly) {
        for (Toleration t : tolerations) {
            if (preferNoScheduleOnly && t.effect().isPresent() && t.effect().get() != TaintEffect.PREFER_NO_SCHEDULE) {
                continue;
            }
            if (t.tolerates(taint)) {
                return true;
            }
        }
        return false;
    }
}
