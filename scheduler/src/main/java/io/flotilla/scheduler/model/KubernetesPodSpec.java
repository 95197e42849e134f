package io.flotilla.scheduler.model;

import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.PodAffinity;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import io.flotilla.scheduler.placement.kubernetes.TopologySpreadConstraint;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Kubernetes-only inputs of a workload's pods (a scenario's {@code kubernetes} key), which the
 * kubernetes strategy lays over the pod the compose keys already describe: extra pod labels
 * (never the {@code app} label the ReplicaSet selects by), priority and preemption policy, node
 * selector, node affinity (its required terms are ANDed with the constraints' term), pod
 * (anti-)affinity, tolerations and extra topology spread constraints, in the scheduler's own types.
 * The swarm strategy ignores them.
 */
public record KubernetesPodSpec(
        SortedMap<String, String> labels,
        int priority,
        Pod.PreemptionPolicy preemptionPolicy,
        SortedMap<String, String> nodeSelector,
        NodeAffinity nodeAffinity,
        PodAffinity podAffinity,
        PodAffinity podAntiAffinity,
        List<Toleration> tolerations,
        List<TopologySpreadConstraint> topologySpreadConstraints) {

    /** What a workload without a {@code kubernetes} key gets: the API defaults. */
    public static final KubernetesPodSpec NONE = new KubernetesPodSpec(new TreeMap<>(), 0,
            Pod.PreemptionPolicy.PREEMPT_LOWER_PRIORITY, new TreeMap<>(), NodeAffinity.NONE, PodAffinity.NONE,
            PodAffinity.NONE, List.of(), List.of());

    public KubernetesPodSpec {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        nodeSelector = Collections.unmodifiableSortedMap(new TreeMap<>(nodeSelector));
        tolerations = List.copyOf(tolerations);
        topologySpreadConstraints = List.copyOf(topologySpreadConstraints);
    }
}
