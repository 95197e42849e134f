package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.ScoreNormalizer;
import io.flotilla.scheduler.placement.kubernetes.framework.ScorePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The NodeAffinity plugin. Filter: {@code nodeSelector} and the required node affinity terms.
 * PreFilter narrows the nodes to those named by {@code metadata.name In} fields when every term names
 * some. Score: the sum of the weights of the preferred terms a node matches, normalised by the
 * largest. The scheduler-profile {@code addedAffinity} is not modelled.
 */
final class NodeAffinityPlugin implements PreFilterPlugin, FilterPlugin, ScorePlugin {

    static final String NAME = "NodeAffinity";
    static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
    static final String ERR_REASON_CONFLICT = "pod affinity terms conflict";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod) {
        Optional<List<NodeSelectorTerm>> required = pod.pod().nodeAffinity().required();
        if (required.isEmpty() && pod.pod().nodeSelector().isEmpty()) {
            return PreFilterResult.SKIP;
        }
        if (required.isEmpty() || required.get().isEmpty()) {
            return PreFilterResult.SUCCESS;
        }
        Set<String> names = null;
        for (NodeSelectorTerm term : required.get()) {
            Set<String> termNames = null;
            for (NodeSelectorRequirement r : term.matchFields()) {
                if (NodeSelectorRequirement.NAME_FIELD.equals(r.key()) && r.operator() == NodeSelectorRequirement.Operator.IN) {
                    Set<String> s = new HashSet<>(r.values());
                    if (termNames == null) {
                        termNames = s;
                    } else {
                        termNames.retainAll(s);
                    }
                }
            }
            if (termNames == null) {
                // the terms are ORed, and this one does not restrict node names
                return PreFilterResult.SUCCESS;
            }
            if (names == null) {
                names = new HashSet<>();
            }
            names.addAll(termNames);
        }
        if (names.isEmpty()) {
            return PreFilterResult.of(Status.unresolvable(ERR_REASON_CONFLICT));
        }
        return new PreFilterResult(Status.SUCCESS, Optional.of(Set.copyOf(names)));
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        return pod.pod().requiredNodeAffinityMatches(node.name(), node.labels()) ? Status.SUCCESS
                : Status.unresolvable(ERR_REASON_POD);
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
        return pod.pod().nodeAffinity().preferred().isEmpty() ? Status.SKIP : Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long count = 0;
        for (NodeAffinity.Preferred p : pod.pod().nodeAffinity().preferred()) {
            if (p.weight() != 0 && p.preference().matches(node.name(), node.labels())) {
                count += p.weight();
            }
        }
        return count;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScoreNormalizer.defaultNormalize(ScoreNormalizer.MAX_NODE_SCORE, false, scores);
    }
}
