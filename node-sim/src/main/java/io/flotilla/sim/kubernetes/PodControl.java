package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.Pod;
import java.util.List;
import java.util.Optional;

/**
 * How the workload controllers create and delete pods (upstream {@code controller.PodControlInterface}).
 * A created pod is queued for scheduling; a deleted one is Terminating until its kubelet confirms.
 * A creation the API server refuses (Pod Security admission) returns its error, and no pod exists.
 */
interface PodControl {

    /** A new pod of the ReplicaSet, in the deployment's lowest free slot; the API's error if it refuses it. */
    Optional<String> createPod(DeploymentState d, ReplicaSetState rs);

    /** A new pod of the DaemonSet revision, pinned to {@code node}; the API's error if it refuses it. */
    Optional<String> createDaemonPod(DeploymentState d, ReplicaSetState revision, String node);

    /** The pod {@link #createDaemonPod} would create, to ask whether {@code node} should run it. */
    Pod daemonPod(DeploymentState d, ReplicaSetState revision, String node);

    /**
     * The StatefulSet's pod of {@code ordinal} at {@code revision}, named {@code <set>-<ordinal>},
     * mounting {@code claims}, which exist already; the API's error if it refuses it.
     */
    Optional<String> createStatefulPod(StatefulSetState set, ReplicaSetState revision, int ordinal, List<String> claims);

    /** Graceful deletion: the pod stops counting for its controller at once. */
    void delete(PodState p, String reason);
}
