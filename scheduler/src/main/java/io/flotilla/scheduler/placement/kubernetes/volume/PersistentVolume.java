package io.flotilla.scheduler.placement.kubernetes.volume;

import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import java.util.List;
import java.util.Optional;

/**
 * A PersistentVolume: its class, capacity, the nodes it can be used from ({@code
 * spec.nodeAffinity.required}, ORed terms; empty: any node), the claim it is bound or pre-bound to
 * ({@code spec.claimRef}, {@code namespace/name}) and its phase. Every volume is ReadWriteOnce and
 * Filesystem, so access and volume modes never differ.
 */
public record PersistentVolume(String name, String storageClass, long capacityBytes,
        Optional<List<NodeSelectorTerm>> nodeAffinity, Optional<String> claimRef, Phase phase) {

    /** {@code status.phase}. */
    public enum Phase {
        AVAILABLE,
        BOUND,
        RELEASED,
        FAILED
    }

    public PersistentVolume {
        nodeAffinity = nodeAffinity.map(List::copyOf);
    }

    public static PersistentVolume available(String name, String storageClass, long capacityBytes,
            Optional<List<NodeSelectorTerm>> nodeAffinity) {
        return new PersistentVolume(name, storageClass, capacityBytes, nodeAffinity, Optional.empty(), Phase.AVAILABLE);
    }

    /** The volume with {@code spec.claimRef} set to the claim (upstream {@code GetBindVolumeToClaim}). */
    public PersistentVolume boundTo(String claimKey) {
        return new PersistentVolume(name, storageClass, capacityBytes, nodeAffinity, Optional.of(claimKey), phase);
    }

    public PersistentVolume withPhase(Phase newPhase) {
        return new PersistentVolume(name, storageClass, capacityBytes, nodeAffinity, claimRef, newPhase);
    }

    /**
     * The volume whose claim is gone: Released, its claimRef kept, as the PV controller leaves a
     * volume with the Retain reclaim policy until an administrator frees it.
     */
    public PersistentVolume released() {
        return new PersistentVolume(name, storageClass, capacityBytes, nodeAffinity, claimRef, Phase.RELEASED);
    }

    /** Upstream {@code IsVolumeBoundToClaim}. */
    public boolean isBoundTo(String claimKey) {
        return claimRef.map(claimKey::equals).orElse(false);
    }
}
