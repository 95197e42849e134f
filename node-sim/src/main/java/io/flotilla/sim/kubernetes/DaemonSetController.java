package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.DaemonSetPredicates;
import io.flotilla.sim.events.UpdateStatusChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DaemonSet controller (upstream {@code pkg/controller/daemon}) for global services: one pod per
 * node that {@link DaemonSetPredicates} says should run one, pinned to it and placed by the scheduler;
 * a pod on a node that should no longer keep it is deleted. A new template rolls out with the
 * defaults, maxUnavailable 1 and maxSurge 0: an old pod that is not available is replaced at once,
 * otherwise one old pod at a time, nodes in scenario order (upstream walks a Go map). A pod the API
 * server refuses stops the sync's creations and is tried again after the work queue's back-off
 * ({@link CreateFailures}).
 */
final class DaemonSetController {

    private final ApiStore store;
    private final ControllerEffects io;
    private final PodControl pods;

    DaemonSetController(ApiStore store, ControllerEffects io, PodControl pods) {
        this.store = store;
        this.io = io;
        this.pods = pods;
    }

    void sync(DeploymentState d) {
        ReplicaSetState current = revision(d);
        int unavailable = 0;
        List<PodState> replace = new ArrayList<>();
        List<PodState> candidates = new ArrayList<>();
        // After a refused creation the revision waits out its back-off, and a sync stops at the first refusal.
        boolean mayCreate = io.now() >= current.retryCreatesAt;
        boolean created = false;
        for (NodeState node : store.nodes.values()) {
            List<PodState> onNode = store.podsOf(d.name()).stream()
                    .filter(p -> !p.deleting && node.name().equals(p.daemonNode))
                    .toList();
            DaemonSetPredicates.Verdict v = DaemonSetPredicates.nodeShouldRunDaemonPod(
                    pods.daemonPod(d, current, node.name()), node.kubeNode());
            if (onNode.isEmpty()) {
                if (v.shouldRun() && mayCreate) {
                    Optional<String> refused = pods.createDaemonPod(d, current, node.name());
                    if (refused.isPresent()) {
                        CreateFailures.failed(io, d, current, "DaemonSet", d.name(), "Error creating: " + refused.get());
                        mayCreate = false;
                    } else {
                        created = true;
                    }
                    unavailable++;
                } else if (v.shouldRun()) {
                    unavailable++;
                }
                continue;
            }
            if (!v.shouldContinueRunning()) {
                onNode.forEach(p -> pods.delete(p, "daemon set " + d.name() + " no longer runs on " + node.name()));
                continue;
            }
            PodState pod = onNode.get(0);
            boolean available = pod.isReady(node);
            if (pod.replicaSet == current) {
                unavailable += available ? 0 : 1;
            } else if (!available) {
                replace.add(pod);
            } else {
                candidates.add(pod);
            }
        }
        if (created && mayCreate) {
            current.failedCreates = 0;
        }
        int remaining = Math.max(0, Math.min(1 - unavailable, candidates.size()));
        replace.addAll(candidates.subList(0, remaining));
        replace.forEach(p -> pods.delete(p, "rolling update of daemon set " + d.name()));
        if (d.rollingOut && replace.isEmpty() && candidates.isEmpty() && unavailable == 0) {
            d.rollingOut = false;
            io.log(new UpdateStatusChanged(d.name(), "completed",
                    "daemon set \"" + d.name() + "\" successfully rolled out"));
        }
    }

    /** The revision of the current template, a new one (the newest revision number) if it has none. */
    private ReplicaSetState revision(DeploymentState d) {
        int newest = 0;
        for (ReplicaSetState rs : d.replicaSets) {
            newest = Math.max(newest, rs.revision);
        }
        for (ReplicaSetState rs : d.replicaSets) {
            if (rs.template.equals(d.template())) {
                if (rs.revision < newest) {
                    rs.revision = newest + 1;
                }
                return rs;
            }
        }
        String hash = d.newTemplateHash();
        ReplicaSetState rs = new ReplicaSetState(d.name() + "-" + hash, hash, d.template(), io.now(), newest + 1);
        d.replicaSets.add(rs);
        return rs;
    }
}
