package io.flotilla.scheduler.model;

import io.flotilla.scheduler.orchestrator.kubernetes.ClaimRetention;
import java.util.List;

/**
 * A statefulset: {@code replicas} pods named {@code <name>-0 ... <name>-(n-1)}, reachable through
 * the headless Service {@code service} as {@code <name>-0.<service>}, each with its own claims made
 * from {@code claimTemplates} ({@code <template>-<name>-<ordinal>}), how it creates its pods, how it
 * updates them ({@code partition}: ordinals below it keep the current revision; {@code onDelete}:
 * only a pod deleted by someone else is recreated at the new one), and what becomes of its claims.
 * {@code task} is the pods' image, reservations, placement, networks and readiness probe (as a
 * health check), as a service's task is.
 */
public record StatefulSetSpec(
        String name,
        int replicas,
        String service,
        PodManagementPolicy podManagementPolicy,
        List<ClaimTemplate> claimTemplates,
        TaskSpec task,
        int partition,
        boolean onDelete,
        ClaimRetention retention) {

    /** {@code spec.podManagementPolicy}. */
    public enum PodManagementPolicy {
        /** Ordinal n+1 is created only once ordinal n is Running and Ready (Kubernetes' default). */
        ORDERED_READY,
        /** All pods at once. */
        PARALLEL
    }

    /** One {@code volumeClaimTemplates} entry: claim {@code <name>-<set>-<ordinal>} of {@code sizeBytes} in {@code storageClass}. */
    public record ClaimTemplate(String name, String storageClass, long sizeBytes) {}

    public StatefulSetSpec {
        claimTemplates = List.copyOf(claimTemplates);
    }

    public StatefulSetSpec withReplicas(int newReplicas) {
        return new StatefulSetSpec(name, newReplicas, service, podManagementPolicy, claimTemplates, task, partition, onDelete,
                retention);
    }

    public StatefulSetSpec withTask(TaskSpec newTask) {
        return new StatefulSetSpec(name, replicas, service, podManagementPolicy, claimTemplates, newTask, partition, onDelete,
                retention);
    }

    public StatefulSetSpec withPartition(int newPartition) {
        return new StatefulSetSpec(name, replicas, service, podManagementPolicy, claimTemplates, task, newPartition, onDelete,
                retention);
    }
}
