package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.storage.Replication;
import io.flotilla.scheduler.orchestrator.kubernetes.ClaimRetention;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A statefulset: {@code replicas} pods named {@code <name>-0 ... <name>-(n-1)}, reachable through
 * the headless {@code service} as {@code <name>-0.<service>}, each with its own volumes made from
 * {@code volumeClaimTemplates}. {@code task} carries the image, reservations, placement, networks and
 * the readiness probe (as its health check), as a service's task does; {@code readiness} is that
 * probe as written, if there is one. {@code partition} and {@code onDelete} are its update strategy
 * ({@code update_strategy}), {@code retention} what becomes of its claims
 * ({@code persistent_volume_claim_retention_policy}). {@code replicationLag}, if there is one, is
 * the application's own asynchronous replication ({@code replication: {lag: 2s}}): ordinal 0 is the
 * primary and every other ordinal keeps a copy of its writes that far behind.
 */
public record StatefulSetDecl(
        String name,
        int replicas,
        String service,
        PodManagementPolicy podManagementPolicy,
        List<VolumeClaimTemplate> volumeClaimTemplates,
        TaskSpec task,
        Optional<Readiness> readiness,
        int partition,
        boolean onDelete,
        ClaimRetention retention,
        OptionalLong replicationLag,
        SourcePos pos) {

    public StatefulSetDecl {
        volumeClaimTemplates = List.copyOf(volumeClaimTemplates);
    }

    /** A statefulset with the default update strategy (RollingUpdate, partition 0) and retention (Retain, Retain). */
    public StatefulSetDecl(String name, int replicas, String service, PodManagementPolicy podManagementPolicy,
            List<VolumeClaimTemplate> volumeClaimTemplates, TaskSpec task, Optional<Readiness> readiness, SourcePos pos) {
        this(name, replicas, service, podManagementPolicy, volumeClaimTemplates, task, readiness, 0, false,
                ClaimRetention.RETAIN, OptionalLong.empty(), pos);
    }

    /** Its replication as the volumes' model takes it, if its application replicates. */
    public Optional<Replication> replication() {
        if (replicationLag.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Replication(name, volumeClaimTemplates.stream().map(VolumeClaimTemplate::name).toList(),
                replicationLag.getAsLong()));
    }

    /** The statefulset as the simulated cluster takes it. */
    public StatefulSetSpec spec() {
        return new StatefulSetSpec(name, replicas, service,
                podManagementPolicy == PodManagementPolicy.PARALLEL
                        ? StatefulSetSpec.PodManagementPolicy.PARALLEL
                        : StatefulSetSpec.PodManagementPolicy.ORDERED_READY,
                volumeClaimTemplates.stream()
                        .map(c -> new StatefulSetSpec.ClaimTemplate(c.name(), c.storageClass(), c.sizeBytes()))
                        .toList(),
                task, partition, onDelete, retention);
    }
}
