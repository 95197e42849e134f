package io.flotilla.scheduler.admission.kubernetes;

import java.util.List;

/** A container of a pod under review: its name, its securityContext and the host ports it asks for. */
public record PodContainer(String name, SecurityContext securityContext, List<Integer> hostPorts) {

    public PodContainer {
        hostPorts = List.copyOf(hostPorts);
    }

    /** A container with no host ports. */
    public static PodContainer of(String name, SecurityContext securityContext) {
        return new PodContainer(name, securityContext, List.of());
    }
}
