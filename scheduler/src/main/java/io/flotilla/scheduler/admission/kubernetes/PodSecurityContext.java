package io.flotilla.scheduler.admission.kubernetes;

import java.util.Optional;

/**
 * The pod-level {@code spec.securityContext} fields the checks read; a container's own setting wins
 * over the pod's. The compose keys set only container-level fields, so a service's pods have
 * {@link #NONE}; the checks read both, as upstream's do.
 */
public record PodSecurityContext(
        Optional<Long> runAsUser,
        Optional<Boolean> runAsNonRoot,
        Optional<SecurityProfile> seccompProfile,
        Optional<SecurityProfile> appArmorProfile) {

    public static final PodSecurityContext NONE =
            new PodSecurityContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
