package io.flotilla.scheduler.model;

import java.util.List;

/**
 * What every task of a service runs and needs; each task carries the copy it was created from,
 * so an update can tell old tasks from new ones.
 */
public record TaskSpec(
        String image,
        Resources reservations,
        Resources limits,
        Placement placement,
        List<PortConfig> ports,
        List<String> networks,
        RestartPolicy restartPolicy) {

    public TaskSpec {
        ports = List.copyOf(ports);
        networks = List.copyOf(networks);
    }

    public TaskSpec withImage(String newImage) {
        return new TaskSpec(newImage, reservations, limits, placement, ports, networks, restartPolicy);
    }
}
