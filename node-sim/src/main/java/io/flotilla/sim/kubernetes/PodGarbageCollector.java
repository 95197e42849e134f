package io.flotilla.sim.kubernetes;

import io.flotilla.sim.events.PodForceDeleted;
import java.util.List;

/**
 * The pod garbage collector's part for out-of-service nodes (upstream {@code
 * pkg/controller/podgc}, {@code gcTerminating}, GA in 1.28): every {@value #PERIOD_TEXT} it
 * force-deletes the Terminating pods on nodes that are not Ready and carry the {@code
 * node.kubernetes.io/out-of-service} taint, so that their controllers may replace them and their
 * volumes may be detached. Its passes fall on multiples of the period from the start of the run, as
 * upstream's loop ticks from the controller's start; it runs only while some node is out of service.
 * (Pods of a deleted node are collected by {@link ControlPlane#removeNode}.)
 */
final class PodGarbageCollector {

    /** Upstream {@code gcCheckPeriod}. */
    static final long PERIOD_NANOS = 20_000_000_000L;
    static final String PERIOD_TEXT = "20s";

    private final ApiStore store;
    private final ControllerEffects io;
    private final PodApi pods;
    private boolean armed;

    PodGarbageCollector(ApiStore store, ControllerEffects io, PodApi pods) {
        this.store = store;
        this.io = io;
        this.pods = pods;
    }

    /** A node got the out-of-service taint: passes run from the next tick. */
    void outOfService() {
        if (!armed) {
            armed = true;
            long now = io.now();
            io.startTimer(KubeTimer.PodGcTick.INSTANCE, PERIOD_NANOS - now % PERIOD_NANOS);
        }
    }

    /** Upstream {@code gcTerminating}: Terminating pods on not-Ready out-of-service nodes go, oldest first. */
    void tick() {
        armed = false;
        boolean anyOutOfService = false;
        for (NodeState node : store.nodes.values()) {
            boolean outOfService = node.taints().stream().anyMatch(t -> t.key().equals(AttachDetachController.OUT_OF_SERVICE_KEY));
            anyOutOfService |= outOfService;
            if (!outOfService || node.isReady()) {
                continue;
            }
            for (PodState p : List.copyOf(store.podsOn(node.name()))) {
                if (p.deleting) {
                    io.log(new PodForceDeleted(p.id, p.node, "pod-gc",
                            "PodGC: node is out of service; garbage collecting pod that is terminating"));
                    pods.forceDelete(p, "garbage collected: its node is out of service", "deleted by the pod garbage collector");
                }
            }
        }
        if (anyOutOfService) {
            outOfService();
        }
    }
}
