package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Kubernetes-only inputs of a workload's pods (a scenario's {@code kubernetes} key), laid over
 * the pod that {@link ModelTranslation} derives from the compose keys: extra labels (never the
 * {@code app} label the ReplicaSet selects by), priority and preemption policy, node selector, node
 * affinity (its required terms are ANDed with the constraints' term), pod (anti-)affinity,
 * tolerations and extra topology spread constraints.
 */
public record PodInputs(
        SortedMap<String, String> labels,
        int priority,
        Pod.PreemptionPolicy preemptionPolicy,
        SortedMap<String, String> nodeSelector,
        NodeAffinity nodeAffinity,
        PodAffinity podAffinity,
        PodAffinity podAntiAffinity,
        List<Toleration> tolerations,
        List<TopologySpreadConstraint> topologySpreadConstraints) {

    public static final String NOT_READY_KEY = "node.kubernetes.io/not-ready";
    public static final String UNREACHABLE_KEY = "node.kubernetes.io/unreachable";

    /** No Kubernetes-only inputs: the API defaults. */
    public static final PodInputs NONE = new PodInputs(new TreeMap<>(), 0, Pod.PreemptionPolicy.PREEMPT_LOWER_PRIORITY,
            new TreeMap<>(), NodeAffinity.NONE, PodAffinity.NONE, PodAffinity.NONE, List.of(), List.of());

    public PodInputs {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        nodeSelector = Collections.unmodifiableSortedMap(new TreeMap<>(nodeSelector));
        tolerations = List.copyOf(tolerations);
        topologySpreadConstraints = List.copyOf(topologySpreadConstraints);
    }

    /**
     * {@code base} with these inputs laid over it, then admitted: the DefaultTolerationSeconds plugin
     * adds the not-ready and unreachable NoExecute tolerations of {@code tolerationSeconds} unless the
     * pod tolerates those taints already.
     */
    public Pod applyTo(Pod base, long tolerationSeconds) {
        return applyTo(base, tolerationSeconds, Optional.empty());
    }

    /**
     * The same for a DaemonSet's pod for {@code node}: the daemon controller adds its tolerations
     * (not-ready and unreachable forever, the node-pressure and unschedulable taints) and pins the
     * pod to the node with a required {@code metadata.name} node affinity term, before admission.
     */
    public Pod applyTo(Pod base, long tolerationSeconds, Optional<String> daemonNode) {
        Pod.Builder b = Pod.builder(base.namespace(), base.name());
        labels.forEach(b::label);
        base.labels().forEach(b::label);
        b.priority(priority).preemptionPolicy(preemptionPolicy);
        nodeSelector.forEach(b::nodeSelector);
        NodeAffinity affinity = merge(base.nodeAffinity(), nodeAffinity);
        List<Toleration> own = tolerations;
        if (daemonNode.isPresent()) {
            affinity = merge(affinity, NodeAffinity.required(
                    NodeSelectorTerm.fields(NodeSelectorRequirement.in(NodeSelectorRequirement.NAME_FIELD, daemonNode.get()))));
            own = DaemonSetPredicates.tolerations(tolerations);
        }
        b.nodeAffinity(affinity);
        b.podAffinity(podAffinity).podAntiAffinity(podAntiAffinity);
        own.forEach(b::toleration);
        defaultTolerations(own, tolerationSeconds).forEach(b::toleration);
        base.topologySpreadConstraints().forEach(b::spread);
        topologySpreadConstraints.forEach(b::spread);
        base.containers().forEach(b::container);
        base.hostPorts().forEach(b::hostPort);
        base.ownerSelector().ifPresent(b::ownerSelector);
        return b.build();
    }

    /** What upstream's DefaultTolerationSeconds admission adds to a pod with {@code tolerations}. */
    static List<Toleration> defaultTolerations(List<Toleration> tolerations, long seconds) {
        boolean notReady = false;
        boolean unreachable = false;
        for (Toleration t : tolerations) {
            boolean noExecute = t.effect().isEmpty() || t.effect().get() == TaintEffect.NO_EXECUTE;
            notReady |= noExecute && (t.key().isEmpty() || t.key().equals(NOT_READY_KEY));
            unreachable |= noExecute && (t.key().isEmpty() || t.key().equals(UNREACHABLE_KEY));
        }
        List<Toleration> out = new ArrayList<>();
        if (!notReady) {
            out.add(new Toleration(NOT_READY_KEY, Toleration.Operator.EXISTS, "", Optional.of(TaintEffect.NO_EXECUTE),
                    OptionalLong.of(seconds)));
        }
        if (!unreachable) {
            out.add(new Toleration(UNREACHABLE_KEY, Toleration.Operator.EXISTS, "", Optional.of(TaintEffect.NO_EXECUTE),
                    OptionalLong.of(seconds)));
        }
        return out;
    }

    /** Required terms ANDed (each pair of terms joined), preferred terms of both. */
    static NodeAffinity merge(NodeAffinity a, NodeAffinity b) {
        Optional<List<NodeSelectorTerm>> required;
        if (a.required().isEmpty()) {
            required = b.required();
        } else if (b.required().isEmpty()) {
            required = a.required();
        } else {
            List<NodeSelectorTerm> terms = new ArrayList<>();
            for (NodeSelectorTerm x : a.required().get()) {
                for (NodeSelectorTerm y : b.required().get()) {
                    terms.add(new NodeSelectorTerm(concat(x.matchExpressions(), y.matchExpressions()),
                            concat(x.matchFields(), y.matchFields())));
                }
            }
            required = Optional.of(terms);
        }
        List<NodeAffinity.Preferred> preferred = new ArrayList<>(a.preferred());
        preferred.addAll(b.preferred());
        return new NodeAffinity(required, preferred);
    }

    private static List<NodeSelectorRequirement> concat(List<NodeSelectorRequirement> x, List<NodeSelectorRequirement> y) {
        List<NodeSelectorRequirement> out = new ArrayList<>(x);
        out.addAll(y);
        return out;
    }
}
