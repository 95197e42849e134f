package io.flotilla.scheduler.placement.kubernetes.volume;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Upstream's {@code volumeBinder} (pkg/scheduler/framework/plugins/volumebinding/binder.go) over the
 * API objects of a {@link VolumeCatalog}, with its assume caches: a volume or claim assumed in Reserve
 * reads as assumed until PreBind writes it or Unreserve gives it back, so that two pods scheduled one
 * after the other never pick the same volume.
 *
 * <p>Claims are looked at in the pod's order, volumes of a class in name order; among equal
 * candidates the first wins, where upstream's informer order is a Go map's.
 */
public final class ClaimBinder implements VolumeBinder {

    private final VolumeCatalog catalog;
    private final VolumeWrites writes;
    private final Map<String, PersistentVolume> assumedVolumes = new HashMap<>();
    private final Map<String, PersistentVolumeClaim> assumedClaims = new HashMap<>();

    public ClaimBinder(VolumeCatalog catalog, VolumeWrites writes) {
        this.catalog = catalog;
        this.writes = writes;
    }

    // ---- the assume caches -------------------------------------------------------------------

    private Optional<PersistentVolumeClaim> claim(String namespace, String name) {
        PersistentVolumeClaim assumed = assumedClaims.get(namespace + "/" + name);
        return assumed != null ? Optional.of(assumed) : catalog.claim(namespace, name);
    }

    private Optional<PersistentVolume> volume(String name) {
        PersistentVolume assumed = assumedVolumes.get(name);
        return assumed != null ? Optional.of(assumed) : catalog.volume(name);
    }

    /**
     * The class's volumes that one of {@code claims} may take, in name order. A volume bound to any
     * other claim is left out here, where the match would pass over it for every node.
     */
    private List<PersistentVolume> volumes(String storageClass, Set<String> claims) {
        List<PersistentVolume> out = new ArrayList<>();
        for (PersistentVolume v : catalog.volumes(storageClass)) {
            PersistentVolume current = assumedVolumes.getOrDefault(v.name(), v);
            if (current.claimRef().map(claims::contains).orElse(true)) {
                out.add(current);
            }
        }
        out.sort(Comparator.comparing(PersistentVolume::name));
        return out;
    }

    // ---- PreFilter -----------------------------------------------------------------------------

    @Override
    public Claims podVolumeClaims(Pod pod) {
        List<PersistentVolumeClaim> claims = new ArrayList<>();
        for (String name : pod.volumeClaims()) {
            Optional<PersistentVolumeClaim> c = catalog.claim(pod.namespace(), name);
            if (c.isEmpty()) {
                return Claims.problem("persistentvolumeclaim \"" + name + "\" not found");
            }
            if (c.get().phase() == PersistentVolumeClaim.Phase.LOST) {
                return Claims.problem("persistentvolumeclaim \"" + name + "\" bound to non-existent persistentvolume \""
                        + c.get().volumeName() + "\"");
            }
            if (c.get().deleting()) {
                return Claims.problem("persistentvolumeclaim \"" + name + "\" is being deleted");
            }
            claims.add(claim(pod.namespace(), name).orElseThrow());
        }
        List<PersistentVolumeClaim> bound = new ArrayList<>();
        List<PersistentVolumeClaim> delayed = new ArrayList<>();
        List<PersistentVolumeClaim> immediate = new ArrayList<>();
        for (PersistentVolumeClaim c : claims) {
            if (c.fullyBound()) {
                bound.add(c);
            } else if (delayBinding(c) && c.volumeName().isEmpty()) {
                delayed.add(c);
            } else {
                immediate.add(c); // Immediate binding, or pre-bound: the PV controller binds these
            }
        }
        Set<String> delayedKeys = new HashSet<>();
        delayed.forEach(c -> delayedKeys.add(c.key()));
        Map<String, List<PersistentVolume>> volumes = new HashMap<>();
        for (PersistentVolumeClaim c : delayed) {
            volumes.computeIfAbsent(c.storageClass(), sc -> volumes(sc, delayedKeys));
        }
        return Claims.of(new PodVolumeClaims(bound, delayed, immediate, volumes));
    }

    private boolean delayBinding(PersistentVolumeClaim c) {
        return catalog.storageClass(c.storageClass()).map(StorageClass::delayBinding).orElse(false);
    }

    // ---- Filter -------------------------------------------------------------------------------

    @Override
    public Found findPodVolumes(Pod pod, PodVolumeClaims claims, KubeNode node) {
        boolean boundSatisfied = true;
        boolean boundVolumesFound = true;
        boolean unboundSatisfied = true;
        List<PodVolumes.StaticBinding> bindings = new ArrayList<>();
        List<PersistentVolumeClaim> provisions = new ArrayList<>();
        for (PersistentVolumeClaim c : claims.bound()) {
            Optional<PersistentVolume> v = volume(c.volumeName());
            if (v.isEmpty()) {
                boundVolumesFound = false;
                break;
            }
            if (!PersistentVolumes.nodeAffinityMatches(v.get(), node.labels())) {
                boundSatisfied = false;
                break;
            }
        }
        if (!claims.unboundDelayBinding().isEmpty()) {
            List<PersistentVolumeClaim> toMatch = new ArrayList<>();
            List<PersistentVolumeClaim> toProvision = new ArrayList<>();
            for (PersistentVolumeClaim c : claims.unboundDelayBinding()) {
                if (c.selectedNode().isPresent()) {
                    if (!c.selectedNode().get().equals(node.name())) {
                        return found(bindings, provisions, boundSatisfied, boundVolumesFound, false);
                    }
                    toProvision.add(c);
                } else {
                    toMatch.add(c);
                }
            }
            if (!toMatch.isEmpty()) {
                // the smallest claims pick first, so that each gets the smallest volume that fits
                List<PersistentVolumeClaim> bySize = new ArrayList<>(toMatch);
                bySize.sort(Comparator.comparingLong(PersistentVolumeClaim::requestBytes));
                Map<String, PersistentVolume> chosen = new LinkedHashMap<>();
                for (PersistentVolumeClaim c : bySize) {
                    List<PersistentVolume> candidates = claims.unboundVolumesDelayBinding().get(c.storageClass());
                    Optional<PersistentVolume> v = PersistentVolumes.findMatchingVolume(c, candidates,
                            Optional.of(node.labels()), chosen.keySet(), true);
                    if (v.isEmpty()) {
                        unboundSatisfied = false;
                        toProvision.add(c);
                        continue;
                    }
                    chosen.put(v.get().name(), v.get());
                    bindings.add(new PodVolumes.StaticBinding(c, v.get()));
                }
            }
            if (!toProvision.isEmpty()) {
                unboundSatisfied = true;
                for (PersistentVolumeClaim c : toProvision) {
                    Optional<StorageClass> sc = catalog.storageClass(c.storageClass());
                    if (sc.isEmpty() || !sc.get().provisions() || !sc.get().allowsTopology(node.labels())) {
                        unboundSatisfied = false;
                        provisions.clear();
                        break;
                    }
                    provisions.add(c);
                }
            }
        }
        return found(bindings, provisions, boundSatisfied, boundVolumesFound, unboundSatisfied);
    }

    /** The reasons in upstream's order: node conflict, bind conflict, (space), missing volumes. */
    private static Found found(List<PodVolumes.StaticBinding> bindings, List<PersistentVolumeClaim> provisions,
            boolean boundSatisfied, boolean boundVolumesFound, boolean unboundSatisfied) {
        List<String> reasons = new ArrayList<>();
        if (!boundSatisfied) {
            reasons.add(ERR_REASON_NODE_CONFLICT);
        }
        if (!unboundSatisfied) {
            reasons.add(ERR_REASON_BIND_CONFLICT);
        }
        if (!boundVolumesFound) {
            reasons.add(ERR_REASON_PV_NOT_EXIST);
        }
        return new Found(new PodVolumes(bindings, provisions), reasons);
    }

    // ---- Reserve, Unreserve --------------------------------------------------------------------

    @Override
    public boolean assumePodVolumes(Pod pod, String node, PodVolumes volumes) {
        if (allBound(pod)) {
            return true;
        }
        for (PodVolumes.StaticBinding b : volumes.staticBindings()) {
            assumedVolumes.put(b.volume().name(), b.volume().boundTo(b.claim().key()));
        }
        for (PersistentVolumeClaim c : volumes.dynamicProvisions()) {
            assumedClaims.put(c.key(), c.withSelectedNode(node));
        }
        return false;
    }

    private boolean allBound(Pod pod) {
        for (String name : pod.volumeClaims()) {
            if (!claim(pod.namespace(), name).map(PersistentVolumeClaim::fullyBound).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void revertAssumedPodVolumes(PodVolumes volumes) {
        volumes.staticBindings().forEach(b -> assumedVolumes.remove(b.volume().name()));
        volumes.dynamicProvisions().forEach(c -> assumedClaims.remove(c.key()));
    }

    // ---- PreBind -------------------------------------------------------------------------------

    @Override
    public Optional<String> bindPodVolumes(Pod pod, String node, PodVolumes volumes) {
        List<PersistentVolume> toBind = new ArrayList<>();
        for (PodVolumes.StaticBinding b : volumes.staticBindings()) {
            toBind.add(volume(b.volume().name()).orElse(b.volume().boundTo(b.claim().key())));
        }
        List<PersistentVolumeClaim> toProvision = new ArrayList<>();
        for (PersistentVolumeClaim c : volumes.dynamicProvisions()) {
            toProvision.add(claim(c.namespace(), c.name()).orElse(c.withSelectedNode(node)));
        }
        // the API now holds what was assumed: the caches read it from there
        revertAssumedPodVolumes(volumes);
        toBind.forEach(writes::updateVolume);
        toProvision.forEach(writes::updateClaim);
        return checkBindings(pod, node, volumes);
    }

    /**
     * Upstream {@code checkBindings}, read once: the PV controller and the provisioner react to the
     * writes at once here, so what is not bound now would only time out.
     */
    private Optional<String> checkBindings(Pod pod, String node, PodVolumes volumes) {
        for (PodVolumes.StaticBinding b : volumes.staticBindings()) {
            Optional<PersistentVolume> v = catalog.volume(b.volume().name());
            if (v.isEmpty() || v.get().claimRef().isEmpty()) {
                return Optional.of("binding volumes: ClaimRef got reset for pv \"" + b.volume().name() + "\"");
            }
            if (!catalog.claim(b.claim().namespace(), b.claim().name()).map(PersistentVolumeClaim::fullyBound).orElse(false)) {
                return Optional.of("binding volumes: timed out waiting for the condition");
            }
        }
        for (PersistentVolumeClaim c : volumes.dynamicProvisions()) {
            Optional<PersistentVolumeClaim> now = catalog.claim(c.namespace(), c.name());
            if (now.isEmpty() || !now.get().selectedNode().map(node::equals).orElse(false)) {
                return Optional.of("binding volumes: provisioning failed for PVC \"" + c.name() + "\"");
            }
            if (!now.get().fullyBound()) {
                return Optional.of("binding volumes: timed out waiting for the condition");
            }
        }
        return Optional.empty();
    }

    /** Volumes assumed and not yet written or given back, for tests. */
    Set<String> assumedVolumeNames() {
        return Set.copyOf(assumedVolumes.keySet());
    }
}
