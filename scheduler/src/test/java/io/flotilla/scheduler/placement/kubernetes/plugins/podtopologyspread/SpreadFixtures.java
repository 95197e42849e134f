package io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TopologySpreadConstraint;
import io.flotilla.scheduler.placement.kubernetes.plugins.Harness;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The vocabulary of upstream's podtopologyspread tests: nodes labelled by zone and node, pods labelled foo/bar. */
final class SpreadFixtures {

    static final LabelSelector FOO = LabelSelector.exists("foo");
    static final LabelSelector BAR = LabelSelector.exists("bar");
    static final TopologySpreadConstraint.WhenUnsatisfiable HARD = TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE;
    static final TopologySpreadConstraint.WhenUnsatisfiable SOFT = TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY;
    static final TopologySpreadConstraint.InclusionPolicy HONOR = TopologySpreadConstraint.InclusionPolicy.HONOR;
    static final TopologySpreadConstraint.InclusionPolicy IGNORE = TopologySpreadConstraint.InclusionPolicy.IGNORE;
    /** The test's {@code taints}: {@code node.kubernetes.io/unschedulable:NoSchedule}. */
    static final Taint UNSCHEDULABLE = Taint.UNSCHEDULABLE;

    private SpreadFixtures() {}

    /** {@code st.MakeNode().Name(name)}: no labels at all, not even the hostname. */
    static KubeNode.Builder bare(String name) {
        return KubeNode.builder(name).withoutLabel(KubeNode.HOSTNAME_LABEL);
    }

    /** A node labelled {@code zone=<zone>} and {@code node=<name>}. */
    static KubeNode zoned(String name, String zone) {
        return bare(name).label("zone", zone).label("node", name).build();
    }

    /** A node labelled only {@code node=<name>}. */
    static KubeNode named(String name) {
        return bare(name).label("node", name).build();
    }

    /** A node labelled only with its hostname. */
    static KubeNode host(String name) {
        return bare(name).label(KubeNode.HOSTNAME_LABEL, name).build();
    }

    static KubeNode zonedHost(String name, String zone) {
        return bare(name).label("zone", zone).label(KubeNode.HOSTNAME_LABEL, name).build();
    }

    /** {@code SpreadConstraint(maxSkew, key, when, selector, minDomains, nodeAffinityPolicy, nodeTaintsPolicy, nil)}. */
    static TopologySpreadConstraint spread(int maxSkew, String key, TopologySpreadConstraint.WhenUnsatisfiable when,
            LabelSelector selector, Integer minDomains, TopologySpreadConstraint.InclusionPolicy affinity,
            TopologySpreadConstraint.InclusionPolicy taints) {
        return new TopologySpreadConstraint(maxSkew, key, when, Optional.ofNullable(selector),
                minDomains == null ? OptionalInt.empty() : OptionalInt.of(minDomains),
                affinity == null ? HONOR : affinity, taints == null ? IGNORE : taints, List.of());
    }

    static TopologySpreadConstraint spread(int maxSkew, String key, TopologySpreadConstraint.WhenUnsatisfiable when,
            LabelSelector selector) {
        return spread(maxSkew, key, when, selector, null, null, null);
    }

    /** The incoming pod {@code p} with the given labels (all with value ""). */
    static Pod.Builder incoming(String... labels) {
        Pod.Builder b = Pod.builder("p");
        for (String l : labels) {
            b.label(l, "");
        }
        return b;
    }

    /** An existing pod bound to {@code node}, labelled {@code foo=""} or as given. */
    static Harness.Bound existing(String name, String node, String... labels) {
        Pod.Builder b = Pod.builder(name);
        for (String l : labels.length == 0 ? new String[] {"foo"} : labels) {
            b.label(l, "");
        }
        return new Harness.Bound(b.build(), node);
    }

    static Harness.Bound existingIn(String namespace, String name, String node) {
        return new Harness.Bound(Pod.builder(namespace, name).label("foo", "").build(), node);
    }
}
