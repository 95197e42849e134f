package io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.TopologySpreadConstraint;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.SelectorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A topology spread constraint ready for counting (upstream {@code topologySpreadConstraint}): the
 * selector has the {@code matchLabelKeys} merged in (empty: matches nothing), minDomains defaulted to 1.
 */
record SpreadConstraint(
        int maxSkew,
        String topologyKey,
        int minDomains,
        Optional<LabelSelector> selector,
        TopologySpreadConstraint.InclusionPolicy nodeAffinityPolicy,
        TopologySpreadConstraint.InclusionPolicy nodeTaintsPolicy) {

    /** The system default constraints (plugin.go): hostname skew 3 and zone skew 5, both ScheduleAnyway. */
    static final List<TopologySpreadConstraint> SYSTEM_DEFAULTS = List.of(
            TopologySpreadConstraint.of(3, KubeNode.HOSTNAME_LABEL, TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY,
                    LabelSelector.EVERYTHING),
            TopologySpreadConstraint.of(5, KubeNode.ZONE_LABEL, TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY,
                    LabelSelector.EVERYTHING));

    /**
     * The pod's constraints of one kind; a pod without any gets the system defaults, selecting by its
     * owner selector, or none when it has no owner (upstream {@code buildDefaultConstraints}).
     */
    static List<SpreadConstraint> of(Pod pod, TopologySpreadConstraint.WhenUnsatisfiable when) {
        List<SpreadConstraint> out = new ArrayList<>();
        if (!pod.topologySpreadConstraints().isEmpty()) {
            for (TopologySpreadConstraint c : pod.topologySpreadConstraints()) {
                if (c.whenUnsatisfiable() == when) {
                    out.add(compile(c, mergeLabelKeys(c, pod)));
                }
            }
            return out;
        }
        if (when != TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY
                || pod.ownerSelector().isEmpty() || pod.ownerSelector().get().isEmpty()) {
            return out;
        }
        for (TopologySpreadConstraint c : SYSTEM_DEFAULTS) {
            out.add(compile(c, pod.ownerSelector()));
        }
        return out;
    }

    private static SpreadConstraint compile(TopologySpreadConstraint c, Optional<LabelSelector> selector) {
        return new SpreadConstraint(c.maxSkew(), c.topologyKey(), c.minDomains().orElse(1), selector,
                c.nodeAffinityPolicy(), c.nodeTaintsPolicy());
    }

    private static Optional<LabelSelector> mergeLabelKeys(TopologySpreadConstraint c, Pod pod) {
        Optional<LabelSelector> selector = c.labelSelector();
        if (selector.isEmpty()) {
            return selector; // labels.Nothing() stays nothing
        }
        LabelSelector s = selector.get();
        for (String key : c.matchLabelKeys()) {
            String value = pod.labels().get(key);
            if (value != null) {
                s = s.and(new LabelSelector.Requirement(key, LabelSelector.Operator.IN, List.of(value)));
            }
        }
        return Optional.of(s);
    }

    boolean selects(PodInfo pod) {
        return selector.isPresent() && selector.get().matches(pod.labels());
    }

    /** The selector index entry counting this constraint's pods in the incoming pod's namespace. */
    Optional<SelectorIndex.Counts> counts(Cache cluster, String namespace) {
        return selector.map(s -> cluster.selectors().counts(new SelectorIndex.Key(List.of(namespace), s)));
    }

    /** Upstream {@code matchNodeInclusionPolicies}: whether the node counts as a domain for this pod. */
    boolean includes(PodInfo pod, NodeInfo node) {
        if (nodeAffinityPolicy == TopologySpreadConstraint.InclusionPolicy.HONOR
                && !pod.pod().requiredNodeAffinityMatches(node.name(), node.labels())) {
            return false;
        }
        if (nodeTaintsPolicy == TopologySpreadConstraint.InclusionPolicy.HONOR) {
            for (Taint t : node.taints()) {
                if (t.effect() != TaintEffect.PREFER_NO_SCHEDULE && pod.pod().tolerations().stream().noneMatch(x -> x.tolerates(t))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@link #includes} is true for every node, so that cluster-wide counts can be used. */
    boolean includesEveryNode(PodInfo pod) {
        boolean affinityFree = pod.pod().nodeSelector().isEmpty() && pod.pod().nodeAffinity().required().isEmpty();
        return (nodeAffinityPolicy == TopologySpreadConstraint.InclusionPolicy.IGNORE || affinityFree)
                && nodeTaintsPolicy == TopologySpreadConstraint.InclusionPolicy.IGNORE;
    }

    static boolean nodeHasAllKeys(NodeInfo node, List<SpreadConstraint> constraints) {
        for (SpreadConstraint c : constraints) {
            if (!node.labels().containsKey(c.topologyKey)) {
                return false;
            }
        }
        return true;
    }

    static boolean singleKey(List<SpreadConstraint> constraints) {
        for (SpreadConstraint c : constraints) {
            if (!c.topologyKey.equals(constraints.get(0).topologyKey)) {
                return false;
            }
        }
        return true;
    }
}
