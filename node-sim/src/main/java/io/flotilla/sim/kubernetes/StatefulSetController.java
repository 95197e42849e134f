package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.orchestrator.kubernetes.ClaimRetention;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetNames;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import io.flotilla.sim.events.UpdateStatusChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The StatefulSet controller (upstream {@code pkg/controller/statefulset}): it reads the set's pods,
 * asks {@link StatefulSetControl} for one sync's creations and deletions and makes them, creating a
 * pod's missing claims first ({@code createPersistentVolumeClaims}); the control plane syncs again
 * whenever one of its pods or claims changes. A claim that is being deleted keeps its pod from being
 * created until it is gone (upstream's "stale claim"), so a pod created again never mounts a claim
 * on its way out. The claims' owners follow the retention policy: a condemned pod owns its claims
 * when {@code whenScaled} is Delete (they go with it), the set owns them when {@code whenDeleted} is.
 *
 * <p>A pod the API server refuses (Pod Security admission) ends the sync's creations: the set records
 * {@code FailedCreate} and waits out the work queue's back-off before it creates again
 * ({@link CreateFailures}), as a ReplicaSet does; its claims, created first, stay.
 */
final class StatefulSetController {

    private final ApiStore store;
    private final ControllerEffects io;
    private final PodControl pods;
    private final VolumeController volumes;

    StatefulSetController(ApiStore store, ControllerEffects io, PodControl pods, VolumeController volumes) {
        this.store = store;
        this.io = io;
        this.pods = pods;
        this.volumes = volumes;
    }

    void sync(StatefulSetState set) {
        ReplicaSetState update = set.updateRevision(io.now());
        fixClaimOwners(set);
        // After a refused creation the set waits out its back-off, and a sync stops at the first refusal.
        boolean mayCreate = io.now() >= set.retryCreatesAt;
        boolean created = false;
        for (int steps = 0; steps < 10_000; steps++) {
            List<PodState> existing = podsOf(set);
            List<StatefulSetControl.Replica> replicas = new ArrayList<>();
            for (PodState p : existing) {
                replicas.add(replica(p));
            }
            StatefulSetControl.Sync sync = StatefulSetControl.sync(set.controlSpec(), set.current.revision, update.revision,
                    replicas);
            boolean acted = false;
            for (StatefulSetControl.Action a : sync.actions()) {
                if (a instanceof StatefulSetControl.Create c && mayCreate) {
                    Creation made = create(set, c.ordinal(), c.revision() == update.revision ? update : set.current);
                    acted |= made == Creation.CREATED;
                    created |= made == Creation.CREATED;
                    mayCreate = made != Creation.REFUSED;
                } else if (a instanceof StatefulSetControl.Delete d) {
                    existing.stream().filter(p -> p.slot == d.ordinal()).findFirst().ifPresent(p -> {
                        pods.delete(p, "deleted by statefulset " + set.name() + " (" + d.reason().words() + ")");
                    });
                    acted = true;
                }
            }
            StatefulSetControl.Status status = StatefulSetControl.status(set.current.revision, update.revision,
                    podsOf(set).stream().map(this::replica).toList());
            if (StatefulSetControl.rolloutComplete(set.controlSpec(), status) && set.current != update) {
                set.current = update;
            }
            if (set.rollingOut && set.current == update && status.updatedReplicas() == set.spec.replicas()
                    && status.readyReplicas() == set.spec.replicas()) {
                set.rollingOut = false;
                io.log(new UpdateStatusChanged(set.name(), "completed",
                        "statefulset rolling update complete " + set.spec.replicas() + " pods at revision " + update.name));
            } else if (set.rollingOut && !set.partitionedDone && set.spec.partition() > 0 && !set.spec.onDelete()
                    && status.updatedReplicas() == Math.max(0, set.spec.replicas() - set.spec.partition())
                    && status.readyReplicas() == set.spec.replicas()) {
                // kubectl rollout status's words for an update that stops at its partition
                set.partitionedDone = true;
                io.log(new UpdateStatusChanged(set.name(), "partitioned", "partitioned roll out complete: "
                        + status.updatedReplicas() + " new pods have been updated"));
            }
            if (!acted) {
                if (created && mayCreate) {
                    set.failedCreates = 0;
                }
                return;
            }
        }
        throw new IllegalStateException("statefulset " + set.name() + " does not settle");
    }

    /** The set's pod objects, one per ordinal at most (names are unique among existing objects). */
    private List<PodState> podsOf(StatefulSetState set) {
        return List.copyOf(store.podsOf(set.name()));
    }

    /**
     * A pod as upstream's sync reads it: Running and Ready is its Ready condition (which a pod on a node
     * that is not Ready has lost); its phase never becomes Failed, as its containers restart in place.
     */
    private StatefulSetControl.Replica replica(PodState p) {
        boolean ready = p.isServing(store.nodeOf(p));
        return new StatefulSetControl.Replica(p.slot, p.revision, ready, false, p.deleting);
    }

    /** What became of one creation the sync asked for. */
    private enum Creation {
        CREATED,
        /** A claim on its way out holds the pod back until it is gone. */
        WAITING,
        /** The API server refused the pod. */
        REFUSED
    }

    /** Creates the ordinal's claims that are missing, then its pod. */
    private Creation create(StatefulSetState set, int ordinal, ReplicaSetState revision) {
        List<String> claims = new ArrayList<>();
        for (StatefulSetSpec.ClaimTemplate t : set.spec.claimTemplates()) {
            String name = StatefulSetNames.claimName(t.name(), set.name(), ordinal);
            Optional<PersistentVolumeClaim> existing = Optional.ofNullable(store.claims.get(name));
            if (existing.isPresent() && existing.get().deleting()) {
                return Creation.WAITING; // upstream: the claim is stale; the pod waits until it is gone
            }
            if (existing.isEmpty()) {
                volumes.create(name, t.storageClass(), t.sizeBytes(), owner(set, ordinal, null));
            }
            claims.add(name);
        }
        Optional<String> refused = pods.createStatefulPod(set, revision, ordinal, claims);
        if (refused.isPresent()) {
            CreateFailures.failed(io, set, StatefulSetNames.podName(set.name(), ordinal), refused.get());
            return Creation.REFUSED;
        }
        return Creation.CREATED;
    }

    /** Upstream {@code updateClaimOwnerRefForSetAndPod} for every pod of the set. */
    private void fixClaimOwners(StatefulSetState set) {
        for (PodState p : podsOf(set)) {
            if (p.deleting) {
                continue;
            }
            for (String claim : p.claims()) {
                if (store.claims.containsKey(claim)) {
                    volumes.setOwner(claim, owner(set, p.slot, p));
                }
            }
        }
    }

    private String owner(StatefulSetState set, int ordinal, PodState pod) {
        ClaimRetention.Owner o = set.spec.retention().owner(ordinal, set.spec.replicas());
        return switch (o) {
            case NONE -> null;
            case SET -> "statefulset " + set.name();
            case POD -> pod == null ? null : "pod " + pod.id;
        };
    }
}
