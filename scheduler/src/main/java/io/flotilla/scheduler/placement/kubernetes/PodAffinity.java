package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;

/**
 * The {@code podAffinity} or {@code podAntiAffinity} of a pod: required terms (all must hold) and
 * weighted preferred terms.
 */
public record PodAffinity(List<PodAffinityTerm> required, List<Weighted> preferred) {

    public static final PodAffinity NONE = new PodAffinity(List.of(), List.of());

    public PodAffinity {
        required = List.copyOf(required);
        preferred = List.copyOf(preferred);
    }

    public static PodAffinity required(PodAffinityTerm... terms) {
        return new PodAffinity(List.of(terms), List.of());
    }

    public static PodAffinity preferred(int weight, PodAffinityTerm term) {
        return new PodAffinity(List.of(), List.of(new Weighted(weight, term)));
    }

    public boolean isEmpty() {
        return required.isEmpty() && preferred.isEmpty();
    }

    /** {@code WeightedPodAffinityTerm}: weight 1..100. */
    public record Weighted(int weight, PodAffinityTerm term) {}
}
