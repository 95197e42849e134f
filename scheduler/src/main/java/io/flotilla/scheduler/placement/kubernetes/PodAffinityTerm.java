package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;
import java.util.Optional;

/**
 * Pods matching {@code labelSelector} (absent: none) in {@code namespaces} (empty: the namespace of the
 * pod that carries the term), counted per value of {@code topologyKey} on their nodes.
 * {@code namespaceSelector} is not modelled.
 */
public record PodAffinityTerm(Optional<LabelSelector> labelSelector, List<String> namespaces, String topologyKey) {

    public PodAffinityTerm {
        namespaces = List.copyOf(namespaces);
    }

    public static PodAffinityTerm of(LabelSelector selector, String topologyKey) {
        return new PodAffinityTerm(Optional.of(selector), List.of(), topologyKey);
    }
}
