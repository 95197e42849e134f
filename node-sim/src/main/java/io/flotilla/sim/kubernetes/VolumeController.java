package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.volume.BindingMode;
import io.flotilla.scheduler.placement.kubernetes.volume.ImmediateTopology;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolume;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import io.flotilla.scheduler.placement.kubernetes.volume.StorageClass;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeCatalog;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeLimits;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeWrites;
import io.flotilla.scheduler.storage.VolumeSpec;
import io.flotilla.sim.events.ClaimChanged;
import io.flotilla.sim.events.VolumeProvisioned;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The PersistentVolume controller and a CSI provisioner for each storage class (upstream {@code
 * pkg/controller/volume/persistentvolume} and {@code external-provisioner}), and the claims' garbage
 * collection. A claim of Immediate binding is provisioned as soon as it exists, where {@link
 * ImmediateTopology} says; one of WaitForFirstConsumer waits until the scheduler selects a node for
 * its first pod (PreBind's write, {@link #updateClaim}) and is provisioned there. A local class's
 * volume has node affinity to its node's hostname; a network class's to its zone when the class
 * lists zones, none otherwise. Provisioning and binding happen at once: the scheduler's PreBind
 * finds the claim bound.
 *
 * <p>A deleted claim stays while a pod object names it ({@code kubernetes.io/pvc-protection}); once
 * it is gone its volume, whose reclaim policy is Delete, is deleted too as soon as no node has it
 * attached. It is also the scheduler's {@link VolumeCatalog} and takes its {@link VolumeWrites}.
 */
final class VolumeController implements VolumeCatalog, VolumeWrites, VolumeLimits {

    /**
     * The provisioner name of each class type, as a StorageClass names its CSI driver; each network
     * class has a driver of its own ({@code <class>.network.csi.flotilla.io}), whose attach limit is the
     * class's {@code max_volumes_per_node}.
     */
    static final String LOCAL_PROVISIONER = "local.csi.flotilla.io";
    static final String NETWORK_PROVISIONER = "network.csi.flotilla.io";

    private final ApiStore store;
    private final ControllerEffects io;
    private final StorageOps storage;
    private final SplittableRandom uids;
    private final VolumeWatch watch;
    /** The volumes this controller made Released and has not deleted yet, so a pass need not look for them. */
    private final Set<String> released = new HashSet<>();

    /** What the storage backend is told (the run's volumes and their data). */
    interface StorageOps {
        void provisioned(VolumeSpec spec, Optional<String> node);

        void deleted(String volume);
    }

    /** What a claim's changes tell the rest of the control plane. */
    interface VolumeWatch {
        /** A claim was bound: pods waiting for it may be scheduled. */
        void claimBound(PersistentVolumeClaim claim);
    }

    VolumeController(ApiStore store, ControllerEffects io, StorageOps storage, SplittableRandom uids, VolumeWatch watch) {
        this.store = store;
        this.io = io;
        this.storage = storage;
        this.uids = uids;
        this.watch = watch;
    }

    // ---- the scheduler's catalog ---------------------------------------------------------------

    @Override
    public Optional<PersistentVolumeClaim> claim(String namespace, String name) {
        return Optional.ofNullable(store.claims.get(name));
    }

    @Override
    public Optional<PersistentVolume> volume(String name) {
        return Optional.ofNullable(store.volumes.get(name));
    }

    @Override
    public List<PersistentVolume> volumes(String storageClass) {
        return store.volumes.values().stream().filter(v -> v.storageClass().equals(storageClass)).toList();
    }

    @Override
    public Optional<StorageClass> storageClass(String name) {
        return Optional.ofNullable(store.storageClasses.get(name)).map(VolumeController::storageClassOf);
    }

    /** The StorageClass object a scenario's class is: a CSI driver per type, zones as allowed topologies. */
    static StorageClass storageClassOf(StorageClassSpec c) {
        List<NodeSelectorTerm> topologies = c.zones().isEmpty()
                ? List.of()
                : List.of(NodeSelectorTerm.of(NodeSelectorRequirement.in(c.zoneLabel(), c.zones().toArray(new String[0]))));
        return new StorageClass(c.name(), driverOf(c),
                c.waitForFirstConsumer() ? BindingMode.WAIT_FOR_FIRST_CONSUMER : BindingMode.IMMEDIATE, topologies);
    }

    static String driverOf(StorageClassSpec c) {
        return c.type() == StorageClassSpec.Type.LOCAL ? LOCAL_PROVISIONER : c.name() + "." + NETWORK_PROVISIONER;
    }

    // ---- NodeVolumeLimits' reading -------------------------------------------------------------

    /**
     * Every node's CSINode: each network class with a {@code max_volumes_per_node} limits its driver to
     * it; other drivers (local volumes among them) have no limit.
     */
    @Override
    public Map<String, Long> allocatable(KubeNode node) {
        Map<String, Long> out = new TreeMap<>();
        for (StorageClassSpec c : store.storageClasses.values()) {
            if (c.attachable() && c.maxVolumesPerNode() > 0) {
                out.put(driverOf(c), (long) c.maxVolumesPerNode());
            }
        }
        return out;
    }

    // ---- claims --------------------------------------------------------------------------------

    /** A claim is created (by its StatefulSet); one of Immediate binding is provisioned at once. */
    void create(String name, String storageClass, long sizeBytes, String owner) {
        PersistentVolumeClaim claim = PersistentVolumeClaim.pending(Pod.DEFAULT_NAMESPACE, name, storageClass,
                sizeBytes);
        store.putClaim(claim);
        if (owner != null) {
            store.claimOwners.put(name, owner);
        }
        io.log(new ClaimChanged(name, "create", storageClass, sizeBytes, null, owner, "created"));
        StorageClassSpec c = store.storageClasses.get(storageClass);
        if (c != null && !c.waitForFirstConsumer()) {
            provisionImmediate(claim, c);
        }
    }

    /** Who deletes the claim along with itself changes (the set's retention policy on a scale). */
    void setOwner(String name, String owner) {
        String before = store.claimOwners.get(name);
        if (java.util.Objects.equals(before, owner)) {
            return;
        }
        if (owner == null) {
            store.claimOwners.remove(name);
        } else {
            store.claimOwners.put(name, owner);
        }
    }

    /** The owner of a pod was deleted for good: the claims it owned are deleted (the garbage collector). */
    void ownerGone(String owner) {
        for (String name : List.copyOf(store.claimOwners.keySet())) {
            if (owner.equals(store.claimOwners.get(name))) {
                delete(name, "deleted with its owner " + owner);
            }
        }
    }

    /** Deletes a claim: it goes at once unless a pod still names it. */
    void delete(String name, String message) {
        PersistentVolumeClaim claim = store.claims.get(name);
        if (claim == null || claim.deleting()) {
            return;
        }
        PersistentVolumeClaim marked = claim.markedForDeletion();
        store.putClaim(marked);
        if (inUse(name)) {
            io.log(new ClaimChanged(name, "deleting", claim.storageClass(), claim.requestBytes(), emptyToNull(claim.volumeName()),
                    store.claimOwners.get(name), message + "; waiting for the pods that use it (kubernetes.io/pvc-protection)"));
            return;
        }
        remove(marked, message);
    }

    /** A pod object is gone: claims it kept from deletion may go. */
    void podRemoved(PodState p) {
        for (String name : p.claims()) {
            PersistentVolumeClaim claim = store.claims.get(name);
            if (claim != null && claim.deleting() && !inUse(name)) {
                remove(claim, "no pod uses it any more");
            }
        }
    }

    private boolean inUse(String claim) {
        return !store.podsWithClaim(claim).isEmpty();
    }

    private void remove(PersistentVolumeClaim claim, String message) {
        store.removeClaim(claim.name());
        store.claimOwners.remove(claim.name());
        io.log(new ClaimChanged(claim.name(), "delete", claim.storageClass(), claim.requestBytes(),
                emptyToNull(claim.volumeName()), null, message));
        PersistentVolume v = store.volumes.get(claim.volumeName());
        if (v != null) {
            store.volumes.put(v.name(), v.released());
            released.add(v.name());
        }
    }

    /** Whether {@link #reclaim} has nothing to look at: no volume is Released. */
    boolean nothingToReclaim() {
        return released.isEmpty();
    }

    /**
     * Deletes the released volumes no node has attached (reclaim policy Delete), and their data.
     *
     * @param attached whether a node has the volume (of this claim name) attached or attaching
     */
    void reclaim(Predicate<String> attached) {
        if (released.isEmpty()) {
            return;
        }
        for (PersistentVolume v : List.copyOf(store.volumes.values())) {
            if (v.phase() == PersistentVolume.Phase.RELEASED) {
                String claim = claimName(v);
                if (!attached.test(claim)) {
                    store.volumes.remove(v.name());
                    released.remove(v.name());
                    storage.deleted(claim);
                }
            }
        }
    }

    /** The name of the claim a volume was made for (its claimRef). */
    static String claimName(PersistentVolume v) {
        String ref = v.claimRef().orElse("");
        return ref.substring(ref.indexOf('/') + 1);
    }

    // ---- the scheduler's writes (PreBind) ------------------------------------------------------

    /** A volume pre-bound to a claim by the scheduler: the PV controller binds the claim to it. */
    @Override
    public void updateVolume(PersistentVolume volume) {
        store.volumes.put(volume.name(), volume.withPhase(PersistentVolume.Phase.BOUND));
        released.remove(volume.name());
        String claimName = claimName(volume);
        PersistentVolumeClaim claim = store.claims.get(claimName);
        if (claim != null) {
            bind(claim, volume);
        }
    }

    /** The node selected for a claim of WaitForFirstConsumer binding: its provisioner makes the volume there. */
    @Override
    public void updateClaim(PersistentVolumeClaim claim) {
        store.putClaim(claim);
        StorageClassSpec c = store.storageClasses.get(claim.storageClass());
        NodeState node = store.nodes.get(claim.selectedNode().orElseThrow());
        if (c == null || node == null) {
            return;
        }
        if (c.type() == StorageClassSpec.Type.LOCAL) {
            provision(claim, c, Optional.of(node.name()), Optional.empty(), "WaitForFirstConsumer");
        } else {
            provision(claim, c, Optional.empty(), zoneOf(node.kubeNode(), c), "WaitForFirstConsumer");
        }
    }

    private Optional<String> zoneOf(KubeNode node, StorageClassSpec c) {
        return c.zones().isEmpty() ? Optional.empty() : Optional.ofNullable(node.labels().get(c.zoneLabel()));
    }

    /** Immediate binding: a node (local) or a zone (network with zones) picked as the provisioner does. */
    private void provisionImmediate(PersistentVolumeClaim claim, StorageClassSpec c) {
        if (c.type() == StorageClassSpec.Type.LOCAL) {
            List<String> nodes = new ArrayList<>(store.nodes.keySet());
            ImmediateTopology.pick(claim.name(), nodes)
                    .ifPresent(n -> provision(claim, c, Optional.of(n), Optional.empty(), "Immediate"));
        } else if (c.zones().isEmpty()) {
            provision(claim, c, Optional.empty(), Optional.empty(), "Immediate");
        } else {
            ImmediateTopology.pick(claim.name(), c.zones())
                    .ifPresent(z -> provision(claim, c, Optional.empty(), Optional.of(z), "Immediate"));
        }
    }

    private void provision(PersistentVolumeClaim claim, StorageClassSpec c, Optional<String> node, Optional<String> zone,
            String binding) {
        String name = "pvc-" + uuid();
        Optional<List<NodeSelectorTerm>> affinity = node
                .map(n -> List.of(NodeSelectorTerm.of(NodeSelectorRequirement.in(KubeNode.HOSTNAME_LABEL, n))))
                .or(() -> zone.map(z -> List.of(NodeSelectorTerm.of(NodeSelectorRequirement.in(c.zoneLabel(), z)))));
        PersistentVolume v = new PersistentVolume(name, c.name(), claim.requestBytes(), affinity, Optional.of(claim.key()),
                PersistentVolume.Phase.BOUND);
        store.volumes.put(name, v);
        String topology = node.map(n -> "node " + n).or(() -> zone.map(z -> "zone " + z)).orElse("any node");
        io.log(new VolumeProvisioned(name, claim.name(), c.name(), binding, node.orElse(null), topology,
                "Successfully provisioned volume " + name));
        storage.provisioned(c.type() == StorageClassSpec.Type.LOCAL
                ? VolumeSpec.pinned(claim.name(), c.name())
                : VolumeSpec.network(claim.name(), c.name()), node);
        bind(claim, v);
    }

    private void bind(PersistentVolumeClaim claim, PersistentVolume v) {
        PersistentVolumeClaim bound = claim.boundTo(v.name());
        store.putClaim(bound);
        io.log(new ClaimChanged(claim.name(), "bound", claim.storageClass(), claim.requestBytes(), v.name(),
                store.claimOwners.get(claim.name()), "bound to volume " + v.name()));
        watch.claimBound(bound);
    }

    /** A random UUID from the run's stream, as the API server gives a claim its UID. */
    private String uuid() {
        long hi = uids.nextLong();
        long lo = uids.nextLong();
        hi = (hi & ~0xf000L) | 0x4000L;
        lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L;
        String h = String.format("%016x%016x", hi, lo);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
                + h.substring(20);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
