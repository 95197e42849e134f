package io.flotilla.scheduler.placement.kubernetes.volume;

import java.util.Optional;

/**
 * A PersistentVolumeClaim: its class, the storage it requests, the volume it names ({@code
 * spec.volumeName}, "" when none), whether the PV controller finished binding it (upstream's {@code
 * pv.kubernetes.io/bind-completed} annotation), the node the scheduler selected for provisioning
 * ({@code volume.kubernetes.io/selected-node}), its phase and whether it is being deleted.
 */
public record PersistentVolumeClaim(String namespace, String name, String storageClass, long requestBytes,
        String volumeName, boolean bindCompleted, Optional<String> selectedNode, Phase phase, boolean deleting) {

    /** {@code status.phase}. */
    public enum Phase {
        PENDING,
        BOUND,
        /** Bound to a volume that no longer exists. */
        LOST
    }

    /** A new claim, Pending. */
    public static PersistentVolumeClaim pending(String namespace, String name, String storageClass, long requestBytes) {
        return new PersistentVolumeClaim(namespace, name, storageClass, requestBytes, "", false, Optional.empty(),
                Phase.PENDING, false);
    }

    /** {@code namespace/name}, what a volume's claimRef holds. */
    public String key() {
        return namespace + "/" + name;
    }

    /** Upstream {@code isPVCFullyBound}. */
    public boolean fullyBound() {
        return !volumeName.isEmpty() && bindCompleted;
    }

    public PersistentVolumeClaim withSelectedNode(String node) {
        return new PersistentVolumeClaim(namespace, name, storageClass, requestBytes, volumeName, bindCompleted,
                Optional.of(node), phase, deleting);
    }

    /** Bound to {@code volume} by the PV controller: bind-completed, phase Bound. */
    public PersistentVolumeClaim boundTo(String volume) {
        return new PersistentVolumeClaim(namespace, name, storageClass, requestBytes, volume, true, selectedNode,
                Phase.BOUND, deleting);
    }

    /** Pre-bound by a user to a volume the PV controller has not bound it to yet. */
    public PersistentVolumeClaim preBoundTo(String volume) {
        return new PersistentVolumeClaim(namespace, name, storageClass, requestBytes, volume, false, selectedNode,
                Phase.PENDING, deleting);
    }

    public PersistentVolumeClaim withPhase(Phase newPhase) {
        return new PersistentVolumeClaim(namespace, name, storageClass, requestBytes, volumeName, bindCompleted,
                selectedNode, newPhase, deleting);
    }

    public PersistentVolumeClaim markedForDeletion() {
        return new PersistentVolumeClaim(namespace, name, storageClass, requestBytes, volumeName, bindCompleted,
                selectedNode, phase, true);
    }
}
