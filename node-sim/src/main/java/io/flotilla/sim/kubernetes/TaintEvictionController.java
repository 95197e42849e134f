package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The taint eviction controller (formerly the NoExecute taint manager,
 * {@code pkg/controller/tainteviction}): a pod on a node with NoExecute taints it does not tolerate
 * is deleted at once; one that tolerates them all for a while is deleted when the shortest
 * {@code tolerationSeconds} among the tolerations it uses runs out, counted from when the taint was
 * seen; a toleration without seconds keeps it forever. Removing the taints cancels the eviction.
 */
final class TaintEvictionController {

    private final ApiStore store;
    private final ControllerEffects io;
    private final Eviction eviction;
    /** Pod id -> when its eviction was scheduled (upstream's work item {@code CreatedAt}). */
    private final Map<String, Long> scheduled = new HashMap<>();

    TaintEvictionController(ApiStore store, ControllerEffects io, Eviction eviction) {
        this.store = store;
        this.io = io;
        this.eviction = eviction;
    }

    /** The node's NoExecute taints changed: reconsider every pod on it. */
    void nodeTaintsChanged(NodeState node) {
        for (PodState p : store.podsOn(node.name())) {
            process(p, node);
        }
    }

    void podBound(PodState p) {
        process(p, store.nodes.get(p.node));
    }

    void cancel(PodState p) {
        if (scheduled.remove(p.id) != null) {
            io.cancelTimer(new KubeTimer.Evict(p.id));
        }
    }

    void due(String podId) {
        scheduled.remove(podId);
        PodState p = store.pods.get(podId);
        if (p != null) {
            evict(p);
        }
    }

    /** Upstream {@code processPodOnNode}. */
    private void process(PodState p, NodeState node) {
        if (p.deleting || node == null) {
            return;
        }
        List<Taint> taints = node.noExecuteTaints();
        if (taints.isEmpty()) {
            cancel(p);
            return;
        }
        List<Toleration> used = matchingTolerations(taints, p.pod.tolerations());
        if (used == null) {
            cancel(p);
            evict(p);
            return;
        }
        long seconds = minTolerationSeconds(used);
        if (seconds < 0) {
            cancel(p);
            return;
        }
        if (!scheduled.containsKey(p.id)) {
            scheduled.put(p.id, io.now());
            io.startTimer(new KubeTimer.Evict(p.id), seconds * 1_000_000_000L);
        }
    }

    private void evict(PodState p) {
        eviction.evict(p, "TaintManagerEviction", "Marking for deletion Pod " + p.pod.key(),
                "evicted: its tolerations of " + p.node + "'s NoExecute taints ran out");
    }

    /** Upstream {@code GetMatchingTolerations}: the first toleration of each taint, or null if one is not tolerated. */
    static List<Toleration> matchingTolerations(List<Taint> taints, List<Toleration> tolerations) {
        List<Toleration> used = new ArrayList<>();
        for (Taint taint : taints) {
            Toleration match = null;
            for (Toleration t : tolerations) {
                if (t.tolerates(taint)) {
                    match = t;
                    break;
                }
            }
            if (match == null) {
                return null;
            }
            used.add(match);
        }
        return used;
    }

    /** Upstream {@code getMinTolerationTime} in seconds: -1 when no used toleration has seconds (forever). */
    static long minTolerationSeconds(List<Toleration> used) {
        long min = Long.MAX_VALUE;
        if (used.isEmpty()) {
            return 0;
        }
        for (Toleration t : used) {
            if (t.tolerationSeconds().isPresent()) {
                long s = t.tolerationSeconds().getAsLong();
                if (s <= 0) {
                    return 0;
                }
                min = Math.min(min, s);
            }
        }
        return min == Long.MAX_VALUE ? -1 : min;
    }
}
