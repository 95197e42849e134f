package io.flotilla.scheduler.admission.kubernetes;

/**
 * One check of a Pod Security level (upstream's {@code policy.Check} at its newest version): a pure
 * function of the pod. A baseline check runs at the baseline and restricted levels, a restricted
 * one only at restricted; an {@linkplain #overlap overlapping} baseline check only at baseline,
 * because a restricted check of the same fields replaces it there.
 */
public interface PodSecurityCheck {

    /** Upstream's check ID, such as {@code capabilities_restricted}. */
    String id();

    PodSecurityLevel level();

    /** True for a baseline check that a stricter restricted check replaces at the restricted level. */
    default boolean overlap() {
        return false;
    }

    CheckResult check(ReviewedPod pod);
}
