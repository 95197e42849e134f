package io.flotilla.scheduler.orchestrator.kubernetes;

import static io.flotilla.scheduler.orchestrator.kubernetes.NodeConditionTaints.NOT_READY_KEY;
import static io.flotilla.scheduler.orchestrator.kubernetes.NodeConditionTaints.UNREACHABLE_KEY;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.placement.kubernetes.DaemonSetPredicates;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pod as its controller creates it from the template and admission completes it: the pod that
 * {@link ModelTranslation} derives from the compose keys, with a {@link KubernetesPodSpec} laid over
 * it (its labels, priority, node selector, affinities, tolerations and spread constraints; its
 * required node affinity terms ANDed with the constraints' term), then the tolerations the
 * DefaultTolerationSeconds admission plugin adds.
 */
public final class PodFromTemplate {

    private PodFromTemplate() {}

    /** A ReplicaSet's pod: admission adds not-ready and unreachable NoExecute tolerations of {@code tolerationSeconds}. */
    public static Pod pod(Pod base, KubernetesPodSpec spec, long tolerationSeconds) {
        return build(base, spec, tolerationSeconds, Optional.empty());
    }

    /**
     * A DaemonSet's pod for {@code node}: the DaemonSet controller adds its tolerations (not-ready and
     * unreachable forever, the node-pressure and unschedulable taints) and pins the pod to the node
     * with a required {@code metadata.name} node affinity term, before admission.
     */
    public static Pod daemonPod(Pod base, KubernetesPodSpec spec, long tolerationSeconds, String node) {
        return build(base, spec, tolerationSeconds, Optional.of(node));
    }

    private static Pod build(Pod base, KubernetesPodSpec spec, long tolerationSeconds, Optional<String> daemonNode) {
        Pod.Builder b = Pod.builder(base.namespace(), base.name());
        spec.labels().forEach(b::label);
        base.labels().forEach(b::label);
        b.priority(spec.priority()).preemptionPolicy(spec.preemptionPolicy());
        spec.nodeSelector().forEach(b::nodeSelector);
        NodeAffinity affinity = merge(base.nodeAffinity(), spec.nodeAffinity());
        List<Toleration> own = spec.tolerations();
        if (daemonNode.isPresent()) {
            affinity = merge(affinity, NodeAffinity.required(
                    NodeSelectorTerm.fields(NodeSelectorRequirement.in(NodeSelectorRequirement.NAME_FIELD, daemonNode.get()))));
            own = DaemonSetPredicates.tolerations(spec.tolerations());
        }
        b.nodeAffinity(affinity);
        b.podAffinity(spec.podAffinity()).podAntiAffinity(spec.podAntiAffinity());
        own.forEach(b::toleration);
        defaultTolerations(own, tolerationSeconds).forEach(b::toleration);
        base.topologySpreadConstraints().forEach(b::spread);
        spec.topologySpreadConstraints().forEach(b::spread);
        base.containers().forEach(b::container);
        base.hostPorts().forEach(b::hostPort);
        base.volumeClaims().forEach(b::volumeClaim);
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
