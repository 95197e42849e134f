package io.flotilla.scheduler.placement.kubernetes.cache;

import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.PodAffinityTerm;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A pod affinity term resolved against the pod that carries it (upstream {@code framework.AffinityTerm}):
 * an empty namespace list has become that pod's namespace.
 */
public record AffinityTerm(List<String> namespaces, Optional<LabelSelector> selector, String topologyKey, int weight) {

    static AffinityTerm resolve(PodAffinityTerm term, String ownNamespace, int weight) {
        List<String> ns = term.namespaces().isEmpty() ? List.of(ownNamespace) : List.copyOf(new TreeSet<>(term.namespaces()));
        return new AffinityTerm(ns, term.labelSelector(), term.topologyKey(), weight);
    }

    /** Upstream {@code AffinityTerm.Matches}: the pod is in one of the namespaces and the selector holds. */
    public boolean matches(PodInfo pod) {
        return selector.isPresent() && namespaces.contains(pod.pod().namespace()) && selector.get().matches(pod.labels());
    }

    /** The key under which the selector index counts the pods this term matches. */
    public SelectorIndex.Key selectorKey() {
        return new SelectorIndex.Key(namespaces, selector.orElseThrow());
    }
}
