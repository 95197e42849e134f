package io.flotilla.sim.kubernetes;

import io.flotilla.sim.control.ControlPlaneTimer;

/** The Kubernetes control plane's timers; equal timers replace each other, as Pekko timer keys do. */
public sealed interface KubeTimer extends ControlPlaneTimer {

    /** The node lifecycle controller's periodic pass ({@code node-monitor-period}). */
    enum MonitorTick implements KubeTimer {
        INSTANCE
    }

    /** A zone's NoExecute tainting queue may take its next node (the rate limiter has a token again). */
    enum TaintingPass implements KubeTimer {
        INSTANCE
    }

    /** A pod's toleration of its node's NoExecute taint runs out. */
    record Evict(String podId) implements KubeTimer {}

    /**
     * A workload controller whose pod creation failed syncs again ({@code object}: the ReplicaSet,
     * or the DaemonSet's revision), after its work queue's back-off.
     */
    record CreateRetry(String service, String object) implements KubeTimer {}

    /** Unschedulable pods whose back-off ended, or that waited 5 minutes, go back to the scheduling queue. */
    enum SchedulerWake implements KubeTimer {
        INSTANCE
    }

    /** The attach/detach controller's attach of a claim's volume is done. */
    record AttachDone(String claim) implements KubeTimer {}

    /** The attach/detach controller's detach of a claim's volume is done. */
    record DetachDone(String claim) implements KubeTimer {}

    /** A volume wanted detached from a node that is not Ready has waited maxWaitForUnmountDuration. */
    record ForceDetach(String claim) implements KubeTimer {}

    /** The pod garbage collector's pass ({@code gcCheckPeriod}, 20s), while a node is out of service. */
    enum PodGcTick implements KubeTimer {
        INSTANCE
    }
}
