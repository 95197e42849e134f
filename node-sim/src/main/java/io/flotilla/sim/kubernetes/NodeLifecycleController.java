package io.flotilla.sim.kubernetes;

import static io.flotilla.scheduler.orchestrator.kubernetes.NodeConditionTaints.NOT_READY_NO_EXECUTE;
import static io.flotilla.scheduler.orchestrator.kubernetes.NodeConditionTaints.UNREACHABLE_NO_EXECUTE;
import static io.flotilla.scheduler.orchestrator.kubernetes.NodeConditionTaints.UNREACHABLE_NO_SCHEDULE;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.orchestrator.kubernetes.ZoneDisruption;
import io.flotilla.scheduler.orchestrator.kubernetes.ZoneState;
import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.NodeTaintChanged;
import io.flotilla.sim.events.ZoneStateChanged;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node lifecycle controller (upstream {@code pkg/controller/nodelifecycle}). Every
 * {@code node-monitor-period} it notices lease renewals (the probe time is when it noticed, not when
 * the kubelet renewed), marks a node whose probe is older than {@code node-monitor-grace-period}
 * Ready=Unknown with the {@code unreachable:NoSchedule} taint, and queues it for the
 * {@code unreachable:NoExecute} taint, which a per-zone rate limiter hands out (0.1 nodes/s, burst
 * 1; slower or stopped when a zone is largely down; stopped everywhere when every zone is fully
 * down: {@link ZoneDisruption}). A kubelet that posts again makes its node Ready at once and loses
 * the NoSchedule taint; the NoExecute taint goes at the next pass. It writes only nodes (and the
 * ready time of their pods); what its writes mean for the scheduler, the taint eviction controller
 * and the workload controllers goes out through its {@link NodeWatch}.
 */
final class NodeLifecycleController {

    static final String READY_MESSAGE = "kubelet is posting ready status";
    static final String UNKNOWN_MESSAGE = "Kubelet stopped posting node status.";

    /** A zone's NoExecute tainting queue with its token-bucket limiter (burst 1). */
    private static final class Zone {
        final Deque<String> queue = new ArrayDeque<>();
        ZoneState state = ZoneState.INITIAL;
        double rate;
        /** When the bucket next holds a token. */
        long tokenAt;

        Zone(double rate) {
            this.rate = rate;
        }

        long interval() {
            return Math.round(1e9 / rate);
        }

        boolean tryAccept(long now) {
            if (rate <= 0 || now < tokenAt) {
                return false;
            }
            tokenAt = now + interval();
            return true;
        }

        /** Upstream {@code SwapLimiter}: a new bucket, drained if the old one was empty. */
        void swap(double newRate, long now) {
            if (newRate == rate) {
                return;
            }
            boolean oldHadToken = tryAccept(now);
            rate = newRate;
            tokenAt = rate > 0 && !oldHadToken ? now + interval() : now;
        }
    }

    private final KubernetesSettings settings;
    private final ZoneDisruption disruption;
    private final ApiStore store;
    private final ControllerEffects io;
    private final NodeWatch watch;
    private final Map<String, Zone> zones = new TreeMap<>();

    NodeLifecycleController(KubernetesSettings settings, ApiStore store, ControllerEffects io, NodeWatch watch) {
        this.settings = settings;
        this.disruption = settings.zoneDisruption();
        this.store = store;
        this.io = io;
        this.watch = watch;
    }

    void start() {
        io.startTimer(KubeTimer.MonitorTick.INSTANCE, settings.nodeMonitorPeriod());
    }

    void nodeAdded(NodeState node) {
        zones.computeIfAbsent(node.zone(), z -> new Zone(settings.evictionRate()));
    }

    void nodeRemoved(NodeState node) {
        zones.get(node.zone()).queue.remove(node.name());
    }

    /** The kubelet renewed its lease and posted status: Ready=True, and the NoSchedule taint goes. */
    void statusPosted(NodeState node) {
        long now = io.now();
        node.lastHeartbeat = now;
        if (node.ready == NodeState.Ready.TRUE) {
            return;
        }
        if (node.ready == NodeState.Ready.NONE) {
            node.observedHeartbeat = now;
            node.probeTimestamp = now;
        }
        node.ready = NodeState.Ready.TRUE;
        store.nodeReadinessChanged(node);
        io.log(new NodeStatusChanged(node.name(), NodeStatus.READY, READY_MESSAGE));
        removeTaint(node, UNREACHABLE_NO_SCHEDULE, "the node is Ready again");
        for (PodState p : store.podsOn(node.name())) {
            p.readySince = now;
        }
        watch.updated(node);
        watch.readinessChanged();
    }

    void tick() {
        start();
        monitor();
    }

    /** Upstream {@code monitorNodeHealth}, then a tainting pass. */
    void monitor() {
        long now = io.now();
        Map<String, List<NodeState>> byZone = new TreeMap<>();
        for (NodeState node : store.nodes.values()) {
            if (node.lastHeartbeat != node.observedHeartbeat) {
                node.observedHeartbeat = node.lastHeartbeat;
                node.probeTimestamp = now;
            }
            if ((node.ready == NodeState.Ready.TRUE || node.ready == NodeState.Ready.FALSE)
                    && now > node.probeTimestamp + settings.nodeMonitorGracePeriod()) {
                markUnknown(node);
            }
            byZone.computeIfAbsent(node.zone(), z -> new ArrayList<>()).add(node);
            processTaintBasedEviction(node);
        }
        handleDisruption(byZone);
        taintingPass();
    }

    private void markUnknown(NodeState node) {
        node.ready = NodeState.Ready.UNKNOWN;
        store.nodeReadinessChanged(node);
        io.log(new NodeStatusChanged(node.name(), NodeStatus.UNKNOWN, UNKNOWN_MESSAGE));
        addTaint(node, UNREACHABLE_NO_SCHEDULE, "node condition Ready is Unknown");
        watch.updated(node);
        watch.readinessChanged(); // its pods are no longer Ready (MarkPodsNotReady)
    }

    private void processTaintBasedEviction(NodeState node) {
        switch (node.ready) {
            case UNKNOWN, FALSE -> {
                Taint wanted = node.ready == NodeState.Ready.UNKNOWN ? UNREACHABLE_NO_EXECUTE : NOT_READY_NO_EXECUTE;
                Taint opposite = wanted == UNREACHABLE_NO_EXECUTE ? NOT_READY_NO_EXECUTE : UNREACHABLE_NO_EXECUTE;
                if (node.controllerTaints.contains(opposite)) {
                    swapTaint(node, wanted, opposite);
                } else if (!node.controllerTaints.contains(wanted) && !node.queuedForTainting) {
                    node.queuedForTainting = true;
                    zones.get(node.zone()).queue.addLast(node.name());
                }
            }
            case TRUE -> markReachable(node);
            case NONE -> { }
        }
    }

    /** Upstream {@code markNodeAsReachable}: out of the queue, NoExecute taints off, evictions cancelled. */
    private void markReachable(NodeState node) {
        if (node.queuedForTainting) {
            node.queuedForTainting = false;
            zones.get(node.zone()).queue.remove(node.name());
        }
        boolean removed = removeTaint(node, UNREACHABLE_NO_EXECUTE, "the node is reachable again")
                | removeTaint(node, NOT_READY_NO_EXECUTE, "the node is reachable again");
        if (removed) {
            watch.noExecuteTaintsChanged(node);
        }
    }

    /** Upstream {@code doNoExecuteTaintingPass}: each zone taints queued nodes as its limiter allows. */
    void taintingPass() {
        long now = io.now();
        long wake = Long.MAX_VALUE;
        for (Zone zone : zones.values()) {
            while (!zone.queue.isEmpty()) {
                if (!zone.tryAccept(now)) {
                    if (zone.rate > 0) {
                        wake = Math.min(wake, zone.tokenAt);
                    }
                    break;
                }
                NodeState node = store.nodes.get(zone.queue.pollFirst());
                if (node == null) {
                    continue;
                }
                node.queuedForTainting = false;
                if (node.ready == NodeState.Ready.UNKNOWN) {
                    swapTaint(node, UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE);
                } else if (node.ready == NodeState.Ready.FALSE) {
                    swapTaint(node, NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE);
                }
            }
        }
        if (wake != Long.MAX_VALUE) {
            io.startTimer(KubeTimer.TaintingPass.INSTANCE, wake - now);
        }
    }

    /** Upstream {@code handleDisruption}: zone states, and the eviction rate that goes with each. */
    private void handleDisruption(Map<String, List<NodeState>> byZone) {
        long now = io.now();
        Map<String, ZoneState> next = new TreeMap<>();
        boolean allFullyDisrupted = true;
        for (Map.Entry<String, List<NodeState>> e : byZone.entrySet()) {
            ZoneState state = zoneState(e.getValue());
            allFullyDisrupted &= state == ZoneState.FULL_DISRUPTION;
            next.put(e.getKey(), state);
        }
        boolean allWereFullyDisrupted = true;
        for (Map.Entry<String, Zone> e : zones.entrySet()) {
            if (byZone.containsKey(e.getKey()) && e.getValue().state != ZoneState.FULL_DISRUPTION) {
                allWereFullyDisrupted = false;
            }
        }
        if (allFullyDisrupted && allWereFullyDisrupted) {
            return;
        }
        if (allFullyDisrupted) {
            // every node is down: the controller suspects itself, not the nodes, and stops evicting
            for (NodeState node : store.nodes.values()) {
                markReachable(node);
            }
            next.forEach((name, state) -> setZone(name, ZoneState.FULL_DISRUPTION, 0, now));
            return;
        }
        if (allWereFullyDisrupted) {
            for (NodeState node : store.nodes.values()) {
                node.probeTimestamp = now;
            }
        }
        for (Map.Entry<String, ZoneState> e : next.entrySet()) {
            if (allWereFullyDisrupted || zones.get(e.getKey()).state != e.getValue()) {
                setZone(e.getKey(), e.getValue(), disruption.evictionRate(e.getValue(), byZone.get(e.getKey()).size()), now);
            }
        }
    }

    private void setZone(String name, ZoneState state, double rate, long now) {
        Zone zone = zones.get(name);
        boolean logged = zone.state != ZoneState.INITIAL || state != ZoneState.NORMAL;
        zone.state = state;
        zone.swap(rate, now);
        if (logged) {
            io.log(new ZoneStateChanged(name, state.name().toLowerCase(Locale.ROOT), rate));
        }
    }

    /** The zone's state from its nodes' Ready conditions. */
    private ZoneState zoneState(List<NodeState> nodes) {
        int ready = 0;
        for (NodeState n : nodes) {
            if (n.isReady()) {
                ready++;
            }
        }
        return disruption.state(ready, nodes.size() - ready);
    }

    /** A new controller leader rebuilds its health data: every node's probe time is now. */
    void leaderElected() {
        long now = io.now();
        for (NodeState node : store.nodes.values()) {
            node.probeTimestamp = now;
            node.observedHeartbeat = node.lastHeartbeat;
        }
    }

    private void swapTaint(NodeState node, Taint add, Taint remove) {
        removeTaint(node, remove, "replaced by " + add);
        addTaint(node, add, add == UNREACHABLE_NO_EXECUTE ? "node condition Ready is Unknown" : "node condition Ready is False");
        watch.noExecuteTaintsChanged(node);
    }

    private void addTaint(NodeState node, Taint taint, String reason) {
        if (!node.controllerTaints.contains(taint)) {
            node.controllerTaints.add(taint);
            io.log(new NodeTaintChanged(node.name(), taint.toString(), true, reason));
            watch.updated(node);
        }
    }

    private boolean removeTaint(NodeState node, Taint taint, String reason) {
        if (!node.controllerTaints.remove(taint)) {
            return false;
        }
        io.log(new NodeTaintChanged(node.name(), taint.toString(), false, reason));
        watch.updated(node);
        return true;
    }
}
