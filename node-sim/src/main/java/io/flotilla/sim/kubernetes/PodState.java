package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.placement.kubernetes.Pod;

/**
 * A Pod object. {@code id} is its name as the API server generated it ({@code
 * web-7d4b9c8f5-x2kq9}, {@code agent-m4n7q}); no two pods of a run have the same, so it is also the
 * task id of its events.
 * {@code slotName} is Flotilla's label for it ({@code web.3}: slot 3, the lowest number no other
 * live pod of the deployment holds; {@code agent.worker-1} for a DaemonSet's pod), the task name
 * expectations, {@code explain --task} and {@code kill_task} use. {@code state} is the phase as the
 * kubelet last reported it, mapped onto the shared task states; {@code deleting} is a set
 * {@code deletionTimestamp} (Terminating). A StatefulSet's pod is named {@code <set>-<ordinal>}, which
 * is also its slot, and keeps that name when it is created again; its id is the name the first time
 * and {@code <name>#<n>} for the n-th pod of that name in the run, so that the event log still tells
 * the pods apart.
 */
final class PodState {

    final String id;
    final String slotName;
    final String service;
    final int slot;
    /** The node a DaemonSet's pod is for; null for a Deployment's pod. */
    final String daemonNode;
    final ReplicaSetState replicaSet;
    final int revision;
    final Pod pod;
    /** What the pod's container runs: its template's task, with a StatefulSet pod's claims as its mounts. */
    final TaskSpec spec;
    /** The StatefulSet the pod belongs to; null for a Deployment's or a DaemonSet's pod. */
    final StatefulSetState statefulSet;
    final long created;
    /** Stands for the pod's random UID, which upstream's scale-down ranking breaks ties with. */
    final long uid;

    /** The node it is bound to; set through {@link ApiStore#bind}, which keeps the pods by node. */
    String node;
    /** The Node object it was bound to; read it through {@link ApiStore#nodeOf}. */
    NodeState boundNode;
    /** Whether it is counted in its ReplicaSet's {@code readyPods}; kept by {@link ApiStore#readinessMayHaveChanged}. */
    boolean countedReady;
    /** Its place among the pods the store was given, oldest first; set by {@link ApiStore#add}. */
    long storeOrder;
    TaskState state = TaskState.NEW;
    /** Set through {@link ApiStore#markDeleting}, which frees its slot. */
    boolean deleting;
    /** When the pod last became ready (its Ready condition's lastTransitionTime), -1 if never. */
    long readySince = -1;
    int restarts;
    boolean ran;
    /**
     * What the kubelet last said of the container's readiness probe: a container with a probe starts
     * not ready and is ready once a probe passes; one without a probe is ready while it runs.
     */
    boolean probeReady = true;
    /**
     * The Node whose images list has the pod's image since the pod ran there: a Node never loses an
     * image, so later statuses need not look it up.
     */
    NodeState imageListedOn;

    // scheduling queue
    long queuedAt;
    long queueSeq;
    int attempts;
    long lastAttempt;
    boolean waitingForEvent;
    String error;

    PodState(String id, String slotName, String service, int slot, String daemonNode, ReplicaSetState replicaSet, Pod pod,
            long created, long uid) {
        this(id, slotName, service, slot, daemonNode, replicaSet, null, replicaSet.template.task(), pod, created, uid);
    }

    PodState(String id, String slotName, String service, int slot, String daemonNode, ReplicaSetState replicaSet,
            StatefulSetState statefulSet, TaskSpec spec, Pod pod, long created, long uid) {
        this.id = id;
        this.slotName = slotName;
        this.service = service;
        this.slot = slot;
        this.daemonNode = daemonNode;
        this.replicaSet = replicaSet;
        this.revision = replicaSet.revision;
        this.statefulSet = statefulSet;
        this.spec = spec;
        this.pod = pod;
        this.created = created;
        this.uid = uid;
    }

    TaskSpec spec() {
        return spec;
    }

    /** The claims the pod mounts (a StatefulSet pod's {@code <template>-<set>-<ordinal>}), none for others. */
    java.util.List<String> claims() {
        return pod.volumeClaims();
    }

    /**
     * The Ready condition: running, its readiness probe (if any) passing, not terminating, on a node
     * whose Ready condition is True.
     */
    boolean isReady(NodeState node) {
        return isServing(node) && !deleting;
    }

    /** The Ready condition whatever the termination: the EndpointSlice's {@code serving}. */
    boolean isServing(NodeState node) {
        return state == TaskState.RUNNING && probeReady && node != null && node.isReady();
    }

    /** The compose healthcheck, which this pod runs as its readiness probe. */
    boolean hasReadinessProbe() {
        return spec().healthcheck().isPresent();
    }

    /** The pod as its kubelet is told of it: run it, or (Terminating) stop it. */
    Task task() {
        return new Task(id, slotName, service, slot, revision, spec(), node, TaskState.ASSIGNED,
                deleting ? TaskState.SHUTDOWN : TaskState.RUNNING, null);
    }
}
