package io.flotilla.scheduler.admission.kubernetes;

import java.util.List;

/**
 * A pod as Pod Security admission reads it: its name (for the API's error), its pod-level
 * securityContext and its containers, in spec order.
 */
public record ReviewedPod(String name, PodSecurityContext securityContext, List<PodContainer> containers) {

    public ReviewedPod {
        containers = List.copyOf(containers);
    }

    /** A pod of one container and no pod-level securityContext. */
    public static ReviewedPod of(String name, PodContainer container) {
        return new ReviewedPod(name, PodSecurityContext.NONE, List.of(container));
    }
}
