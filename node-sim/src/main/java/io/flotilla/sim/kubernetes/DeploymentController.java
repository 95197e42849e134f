package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.orchestrator.kubernetes.PodRanking;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath;
import io.flotilla.sim.events.ReplicaSetScaled;
import io.flotilla.sim.events.UpdateStatusChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment and ReplicaSet controllers (upstream {@code pkg/controller/deployment} and
 * {@code pkg/controller/replicaset}). A deployment sync either scales (its replica count changed:
 * {@code sync}/{@code scale}) or rolls out ({@code rolloutRolling}: grow the new ReplicaSet within
 * maxSurge, shrink old ones within maxUnavailable); every ReplicaSet then creates or deletes pods to
 * match its size, deleting in {@link PodRanking} order. A ReplicaSet update is an event that syncs
 * the deployment again, so a sync repeats until no ReplicaSet changes size.
 */
final class DeploymentController {

    /** A ReplicaSet resized more often than this in one sync is a bug in the arithmetic, not a rollout. */
    private static final int MAX_STEPS = 10_000;

    private final ApiStore store;
    private final ControllerEffects io;
    private final PodControl pods;

    DeploymentController(ApiStore store, ControllerEffects io, PodControl pods) {
        this.store = store;
        this.io = io;
        this.pods = pods;
    }

    void sync(DeploymentState d) {
        boolean changed;
        int steps = 0;
        do {
            if (++steps > MAX_STEPS) {
                throw new IllegalStateException("deployment " + d.name() + " does not settle");
            }
            changed = step(d);
            for (ReplicaSetState rs : d.replicaSets) {
                syncReplicaSet(d, rs);
            }
        } while (changed);
        if (d.rollingOut && complete(d)) {
            d.rollingOut = false;
            io.log(new UpdateStatusChanged(d.name(), "completed",
                    "deployment \"" + d.name() + "\" successfully rolled out"));
        }
    }

    /** One {@code syncDeployment}; true when it changed a ReplicaSet's size. */
    private boolean step(DeploymentState d) {
        ReplicaSetState newRs = newReplicaSet(d);
        if (isScalingEvent(d)) {
            return scale(d, newRs);
        }
        return rolloutRolling(d, newRs);
    }

    private ReplicaSetState newReplicaSet(DeploymentState d) {
        ReplicaSetState.Template t = d.template();
        for (ReplicaSetState rs : d.replicaSets) {
            if (rs.template.equals(t)) {
                return rs;
            }
        }
        return null;
    }

    /** Upstream {@code isScalingEvent}: an active ReplicaSet was sized for another replica count. */
    private boolean isScalingEvent(DeploymentState d) {
        for (ReplicaSetState rs : d.replicaSets) {
            if (rs.replicas > 0 && rs.desiredAnnotation != d.replicas()) {
                return true;
            }
        }
        return false;
    }

    private boolean rolloutRolling(DeploymentState d, ReplicaSetState newRs) {
        RolloutMath.Strategy strategy = d.strategy();
        List<ReplicaSetState> old = new ArrayList<>(d.replicaSets);
        boolean changed = false;
        if (newRs == null) {
            newRs = createReplicaSet(d, old);
            changed = newRs.replicas > 0;
        } else {
            old.remove(newRs);
            int revision = maxRevision(d);
            if (newRs.revision < revision) {
                newRs.revision = revision + 1; // an old template again: its ReplicaSet becomes the newest revision
            }
        }
        Map<ReplicaSetState, Integer> available = availableByReplicaSet(d);
        List<RolloutMath.Rs> all = new ArrayList<>();
        for (ReplicaSetState rs : d.replicaSets) {
            all.add(counts(rs, available));
        }
        int next = RolloutMath.reconcileNewReplicaSet(strategy, d.replicas(), all, counts(newRs, available));
        if (next >= 0) {
            scaleReplicaSet(d, newRs, next);
            return true;
        }
        List<ReplicaSetState> active = new ArrayList<>();
        List<RolloutMath.Rs> oldCounts = new ArrayList<>();
        for (ReplicaSetState rs : old) {
            if (rs.replicas > 0) {
                active.add(rs);
                oldCounts.add(counts(rs, available));
            }
        }
        int[] sizes = RolloutMath.reconcileOldReplicaSets(strategy, d.replicas(), oldCounts, counts(newRs, available));
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != active.get(i).replicas) {
                scaleReplicaSet(d, active.get(i), sizes[i]);
                changed = true;
            }
        }
        return changed;
    }

    /** Upstream {@code scale}: the whole count to the only active ReplicaSet, or shared in proportion. */
    private boolean scale(DeploymentState d, ReplicaSetState newRs) {
        List<ReplicaSetState> active = d.replicaSets.stream().filter(rs -> rs.replicas > 0).toList();
        ReplicaSetState only = null;
        if (active.size() == 1) {
            only = active.get(0);
        } else if (active.isEmpty()) {
            only = newRs != null ? newRs : d.replicaSets.get(d.replicaSets.size() - 1);
        }
        if (only != null) {
            return scaleReplicaSet(d, only, d.replicas());
        }
        boolean changed = false;
        if (newRs != null && newRs.replicas == d.replicas() && newRs.desiredAnnotation == d.replicas()
                && available(d, newRs) == d.replicas()) {
            for (ReplicaSetState rs : active) {
                if (rs != newRs) {
                    changed |= scaleReplicaSet(d, rs, 0);
                }
            }
            return changed;
        }
        List<RolloutMath.Scaled> scaled = active.stream()
                .map(rs -> new RolloutMath.Scaled(rs.replicas, rs.maxAnnotation, rs.created))
                .toList();
        int statusReplicas = (int) store.podsOf(d.name()).stream().filter(p -> !p.deleting).count();
        int[] sizes = RolloutMath.proportionalScale(scaled, d.replicas(), d.maxSurge(), statusReplicas);
        for (int i = 0; i < sizes.length; i++) {
            changed |= scaleReplicaSet(d, active.get(i), sizes[i]);
        }
        return changed;
    }

    private ReplicaSetState createReplicaSet(DeploymentState d, List<ReplicaSetState> old) {
        String hash = d.newTemplateHash();
        ReplicaSetState rs = new ReplicaSetState(d.name() + "-" + hash, hash, d.template(), io.now(), maxRevision(d) + 1);
        int oldReplicas = old.stream().mapToInt(r -> r.replicas).sum();
        rs.replicas = RolloutMath.newRSNewReplicas(d.strategy(), d.replicas(), oldReplicas, 0);
        rs.desiredAnnotation = d.replicas();
        rs.maxAnnotation = d.replicas() + d.maxSurge();
        d.replicaSets.add(rs);
        if (rs.replicas > 0) {
            io.log(new ReplicaSetScaled(d.name(), rs.name, 0, rs.replicas));
        }
        return rs;
    }

    /** Upstream {@code scaleReplicaSet}: the new size and the replica annotations; true when the size changed. */
    private boolean scaleReplicaSet(DeploymentState d, ReplicaSetState rs, int size) {
        rs.desiredAnnotation = d.replicas();
        rs.maxAnnotation = d.replicas() + d.maxSurge();
        if (rs.replicas == size) {
            return false;
        }
        io.log(new ReplicaSetScaled(d.name(), rs.name, rs.replicas, size));
        rs.replicas = size;
        rs.retryCreatesAt = 0; // a ReplicaSet update is synced at once, back-off or not
        return true;
    }

    private static int maxRevision(DeploymentState d) {
        return d.replicaSets.stream().mapToInt(rs -> rs.revision).max().orElse(0);
    }

    private static RolloutMath.Rs counts(ReplicaSetState rs, Map<ReplicaSetState, Integer> available) {
        return new RolloutMath.Rs(rs.replicas, available.getOrDefault(rs, 0));
    }

    /** {@code status.availableReplicas} of every ReplicaSet of the deployment. */
    private static Map<ReplicaSetState, Integer> availableByReplicaSet(DeploymentState d) {
        Map<ReplicaSetState, Integer> available = new HashMap<>();
        for (ReplicaSetState rs : d.replicaSets) {
            available.put(rs, available(d, rs));
        }
        return available;
    }

    /** {@code status.availableReplicas}: its pods that are ready (minReadySeconds is 0), as the store counts them. */
    private static int available(DeploymentState d, ReplicaSetState rs) {
        return rs.readyPods;
    }

    /** Upstream {@code DeploymentComplete}: every replica updated and available, no old pod left. */
    private boolean complete(DeploymentState d) {
        ReplicaSetState newRs = newReplicaSet(d);
        if (newRs == null || newRs.replicas != d.replicas() || available(d, newRs) != d.replicas()) {
            return false;
        }
        for (PodState p : store.podsOf(d.name())) {
            if (p.replicaSet != newRs) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ReplicaSet controller's {@code manageReplicas}: create the missing pods, or delete the
     * surplus, ranked against all the deployment's pods on the same nodes.
     */
    private void syncReplicaSet(DeploymentState d, ReplicaSetState rs) {
        int diff = rs.activePods - rs.replicas; // the store counts the ReplicaSet's pods that are not Terminating
        if (diff < 0) {
            createPods(d, rs, -diff);
            return;
        }
        if (diff == 0) {
            return;
        }
        List<PodState> mine = new ArrayList<>();
        for (PodState p : store.podsOf(d.name())) {
            if (p.replicaSet == rs && !p.deleting) {
                mine.add(p);
            }
        }
        Map<String, Integer> perNode = new HashMap<>();
        for (PodState p : store.podsOf(d.name())) {
            if (!p.deleting) {
                perNode.merge(p.node == null ? "" : p.node, 1, Integer::sum);
            }
        }
        long now = io.now();
        Map<String, PodState> byId = new HashMap<>();
        List<PodRanking.Ranked> ranked = new ArrayList<>();
        for (PodState p : mine) {
            byId.put(p.id, p);
            ranked.add(ranked(p, perNode.getOrDefault(p.node == null ? "" : p.node, 0)));
        }
        for (PodRanking.Ranked victim : PodRanking.sort(ranked, now).subList(0, diff)) {
            pods.delete(byId.get(victim.id()), "deleted by replica set " + rs.name + " (scale down)");
        }
    }

    /**
     * Creates the missing pods, unless a refusal's back-off is still running. The first refusal ends
     * the sync, as upstream's {@code slowStartBatch} stops at a failed batch (its first batch is one
     * pod): one {@code FailedCreate} per attempt, and the work queue's back-off before the next.
     */
    private void createPods(DeploymentState d, ReplicaSetState rs, int missing) {
        if (io.now() < rs.retryCreatesAt) {
            return;
        }
        for (int i = 0; i < missing; i++) {
            Optional<String> refused = pods.createPod(d, rs);
            if (refused.isPresent()) {
                CreateFailures.failed(io, d, rs, "ReplicaSet", rs.name, "Error creating: " + refused.get());
                return;
            }
        }
        rs.failedCreates = 0;
    }

    private PodRanking.Ranked ranked(PodState p, int rank) {
        NodeState node = store.nodeOf(p);
        PodRanking.Phase phase = p.ran ? PodRanking.Phase.RUNNING : PodRanking.Phase.PENDING;
        boolean ready = p.isReady(node);
        return new PodRanking.Ranked(p.id, p.node == null ? "" : p.node, phase, ready, ready ? p.readySince : -1,
                p.restarts, p.created, p.uid, rank, 0);
    }
}
