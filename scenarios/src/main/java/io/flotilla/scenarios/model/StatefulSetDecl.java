package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.TaskSpec;
import java.util.List;
import java.util.Optional;

/**
 * A statefulset: {@code replicas} pods named {@code <name>-0 ... <name>-(n-1)}, reachable through
 * the headless {@code service} as {@code <name>-0.<service>}, each with its own volumes made from
 * {@code volumeClaimTemplates}. {@code task} carries the image, reservations, placement and
 * networks, as a service's task does; {@code readiness} is its pods' readiness probe, if it has one.
 */
public record StatefulSetDecl(
        String name,
        int replicas,
        String service,
        PodManagementPolicy podManagementPolicy,
        List<VolumeClaimTemplate> volumeClaimTemplates,
        TaskSpec task,
        Optional<Readiness> readiness,
        SourcePos pos) {

    public StatefulSetDecl {
        volumeClaimTemplates = List.copyOf(volumeClaimTemplates);
    }
}
