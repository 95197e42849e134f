package io.flotilla.scheduler.placement.kubernetes.volume;

import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Upstream's volume helpers ({@code component-helpers/storage/volume/pv_helpers.go}). */
public final class PersistentVolumes {

    private PersistentVolumes() {}

    /**
     * Upstream {@code CheckNodeAffinity}: whether a node with these labels may use the volume. A volume
     * without required node affinity may be used anywhere; otherwise one of its terms must match the
     * labels (the node's name is not a label, so a {@code metadata.name} field never matches).
     */
    public static boolean nodeAffinityMatches(PersistentVolume volume, Map<String, String> nodeLabels) {
        if (volume.nodeAffinity().isEmpty()) {
            return true;
        }
        for (NodeSelectorTerm t : volume.nodeAffinity().get()) {
            if (t.matches("", nodeLabels)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Upstream {@code FindMatchingVolume}: the volume pre-bound to the claim if there is one (none
     * when its node affinity rules the node out), else the smallest Available volume of the claim's
     * class that is large enough and that the node may use, skipping {@code excluded}; the first of
     * equal sizes in {@code volumes}' order. {@code nodeLabels} empty is the PV controller's path,
     * which leaves claims of delayed binding to the scheduler.
     */
    public static Optional<PersistentVolume> findMatchingVolume(PersistentVolumeClaim claim, List<PersistentVolume> volumes,
            Optional<Map<String, String>> nodeLabels, Set<String> excluded, boolean delayBinding) {
        PersistentVolume smallest = null;
        for (PersistentVolume v : volumes) {
            if (excluded.contains(v.name())) {
                continue;
            }
            if (v.claimRef().isPresent() && !v.isBoundTo(claim.key())) {
                continue;
            }
            if (v.capacityBytes() < claim.requestBytes()) {
                continue;
            }
            boolean nodeAffinityValid = nodeLabels.map(labels -> nodeAffinityMatches(v, labels)).orElse(true);
            if (v.isBoundTo(claim.key())) {
                return nodeAffinityValid ? Optional.of(v) : Optional.empty();
            }
            if (nodeLabels.isEmpty() && delayBinding) {
                continue;
            }
            if (v.phase() != PersistentVolume.Phase.AVAILABLE || !v.storageClass().equals(claim.storageClass())
                    || !nodeAffinityValid) {
                continue;
            }
            if (smallest == null || smallest.capacityBytes() > v.capacityBytes()) {
                smallest = v;
            }
        }
        return Optional.ofNullable(smallest);
    }
}
