package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.Pod;
import java.util.List;

/**
 * How the workload controllers create and delete pods (upstream {@code controller.PodControlInterface}).
 * A created pod is queued for scheduling; a deleted one is Terminating until its kubelet confirms.
 */
interface PodControl {

    /** A new pod of the ReplicaSet, in the deployment's lowest free slot. */
    void createPod(DeploymentState d, ReplicaSetState rs);

    /** A new pod of the DaemonSet revision, pinned to {@code node}. */
    void createDaemonPod(DeploymentState d, ReplicaSetState revision, String node);

    /** The pod {@link #createDaemonPod} would create, to ask whether {@code node} should run it. */
    Pod daemonPod(DeploymentState d, ReplicaSetState revision, String node);

    /**
     * The StatefulSet's pod of {@code ordinal} at {@code revision}, named {@code <set>-<ordinal>},
     * mounting {@code claims}, which exist already.
     */
    void createStatefulPod(StatefulSetState set, ReplicaSetState revision, int ordinal, List<String> claims);

    /** Graceful deletion: the pod stops counting for its controller at once. */
    void delete(PodState p, String reason);
}
