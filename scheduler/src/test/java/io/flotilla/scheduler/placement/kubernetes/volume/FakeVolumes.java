package io.flotilla.scheduler.placement.kubernetes.volume;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An API server of storage objects for tests, with a PV controller that reacts to the scheduler's
 * writes at once: a volume pre-bound to a claim binds it, and a claim with a selected node is
 * provisioned a volume named {@code pvc-<claim>} on that node (its hostname) and bound to it.
 */
public class FakeVolumes implements VolumeCatalog, VolumeWrites {

    final Map<String, PersistentVolumeClaim> claims = new TreeMap<>();
    final Map<String, PersistentVolume> volumes = new TreeMap<>();
    final Map<String, StorageClass> classes = new TreeMap<>();
    /** Every write, as {@code pv NAME -> CLAIM} or {@code pvc KEY @ NODE}. */
    public final List<String> writes = new ArrayList<>();

    public FakeVolumes add(StorageClass c) {
        classes.put(c.name(), c);
        return this;
    }

    public FakeVolumes add(PersistentVolumeClaim c) {
        claims.put(c.key(), c);
        return this;
    }

    public FakeVolumes add(PersistentVolume v) {
        volumes.put(v.name(), v);
        return this;
    }

    public void remove(PersistentVolume v) {
        volumes.remove(v.name());
    }

    @Override
    public Optional<PersistentVolumeClaim> claim(String namespace, String name) {
        return Optional.ofNullable(claims.get(namespace + "/" + name));
    }

    @Override
    public Optional<PersistentVolume> volume(String name) {
        return Optional.ofNullable(volumes.get(name));
    }

    @Override
    public List<PersistentVolume> volumes(String storageClass) {
        return volumes.values().stream().filter(v -> v.storageClass().equals(storageClass)).toList();
    }

    @Override
    public Optional<StorageClass> storageClass(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    @Override
    public void updateVolume(PersistentVolume volume) {
        writes.add("pv " + volume.name() + " -> " + volume.claimRef().orElse(""));
        volumes.put(volume.name(), volume.withPhase(PersistentVolume.Phase.BOUND));
        PersistentVolumeClaim c = claims.get(volume.claimRef().orElseThrow());
        claims.put(c.key(), c.boundTo(volume.name()));
    }

    @Override
    public void updateClaim(PersistentVolumeClaim claim) {
        String node = claim.selectedNode().orElseThrow();
        writes.add("pvc " + claim.key() + " @ " + node);
        PersistentVolume v = new PersistentVolume("pvc-" + claim.name(), claim.storageClass(), claim.requestBytes(),
                Optional.of(List.of(NodeSelectorTerm.of(NodeSelectorRequirement.in(KubeNode.HOSTNAME_LABEL, node)))),
                Optional.of(claim.key()), PersistentVolume.Phase.BOUND);
        volumes.put(v.name(), v);
        claims.put(claim.key(), claim.boundTo(v.name()));
    }
}
