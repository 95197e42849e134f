package io.flotilla.scenarios.views;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import java.util.List;
import java.util.Optional;

/**
 * What kubectl reads from the API server about pods and nodes, and how it words it: which pods
 * still exist, a pod's STATUS as {@code printPod} derives it, a node's STATUS as {@code printNode}
 * does, and the version every kubelet reports.
 */
public final class KubernetesApi {

    /** The kubelet version the nodes report; the control plane follows v1.33's timings. */
    public static final String KUBELET_VERSION = "v1.33.0";

    private KubernetesApi() {}

    /** Pods the API server still holds: created and not yet removed (a removed pod was last stored as shutdown). */
    public static List<TaskRecord> pods(RunMoment m) {
        return m.tasks().stream().filter(p -> p.reported() != TaskState.SHUTDOWN).toList();
    }

    public static Optional<TaskRecord> pod(RunMoment m, String name) {
        return pods(m).stream().filter(p -> name(m, p).equals(name)).findFirst();
    }

    /**
     * The pod's name in the API: a ReplicaSet's or DaemonSet's pod is named by its id; a
     * StatefulSet's goes by its ordinal's name ({@code db-0}) whichever pod of the ordinal it is,
     * as the log tells its pods apart by id ({@code db-0#2}).
     */
    public static String name(RunMoment m, TaskRecord pod) {
        return isStateful(m, pod) ? pod.name() : pod.id();
    }

    /** A pod of a StatefulSet. */
    static boolean isStateful(RunMoment m, TaskRecord pod) {
        return ServiceSpecs.statefulSet(m.scenario(), pod.service(), pod.createdAt()).isPresent();
    }

    /** Marked for deletion: the pod is Terminating until its kubelet confirms its containers stopped. */
    public static boolean deleting(TaskRecord pod) {
        return pod.desired().compareTo(TaskState.RUNNING) > 0;
    }

    /**
     * kubectl's STATUS column: {@code Terminating} once deletion was asked, else the container's
     * waiting or terminated reason ({@code ErrImagePull}, {@code ImagePullBackOff}, {@code
     * ContainerCreating}, {@code CrashLoopBackOff} whatever the exit, {@code Completed}, {@code
     * Error}, {@code OOMKilled}), else the phase ({@code Pending}, {@code Running}).
     */
    public static String status(RunMoment m, TaskRecord pod) {
        if (deleting(pod)) {
            return "Terminating";
        }
        if (pod.imageWaiting().isPresent()) {
            return pod.imageWaiting().get();
        }
        TaskState s = pod.reported();
        if (s.compareTo(TaskState.ASSIGNED) <= 0) {
            return "Pending";
        } else if (s.compareTo(TaskState.STARTING) <= 0) {
            return pod.startedAgain() ? "Running" : "ContainerCreating";
        } else if (s == TaskState.RUNNING) {
            return "Running";
        } else if (exited(pod)) {
            return pod.backingOff() ? "CrashLoopBackOff" : pod.lastTermination().map(Termination::reason).orElse("Error");
        }
        return "Unknown";
    }

    /** Whether the pod's container exited, with any code, and has not started again. */
    static boolean exited(TaskRecord pod) {
        return pod.reported() == TaskState.FAILED || pod.reported() == TaskState.COMPLETE;
    }

    /**
     * Whether the container's state is terminated: it exited, and the kubelet has neither started
     * it again nor entered its back-off (the container then waits, CrashLoopBackOff) nor waits for
     * its image.
     */
    static boolean terminated(TaskRecord pod) {
        return exited(pod) && !pod.backingOff() && pod.imageWaiting().isEmpty();
    }

    /**
     * The container's {@code lastTerminationState}: the container that stopped before the current
     * one, which is the last that stopped unless the current one is itself terminated.
     */
    static Optional<Termination> lastState(TaskRecord pod) {
        return terminated(pod) ? pod.priorTermination() : pod.lastTermination();
    }

    /**
     * The pod's phase, as describe's {@code Status:} shows it: Running once its container started,
     * even while it is exited, as restartPolicy Always restarts it (the kubelet's {@code getPhase}).
     */
    public static String phase(TaskRecord pod) {
        return pod.reported().compareTo(TaskState.STARTING) <= 0 && !pod.startedAgain() ? "Pending" : "Running";
    }

    public static boolean ready(RunMoment m, TaskRecord pod) {
        return pod.node().flatMap(m::node).map(n -> m.ready(pod, n)).orElse(false);
    }

    /**
     * kubectl's node STATUS: {@code Ready}, {@code NotReady} for a Ready condition that is False or
     * Unknown, {@code Unknown} before the kubelet ever reported; {@code ,SchedulingDisabled} when cordoned.
     */
    public static String nodeStatus(NodeRecord n) {
        String status = n.status() == NodeStatus.READY ? "Ready" : n.statusMessage().isEmpty() ? "Unknown" : "NotReady";
        return n.availability() == Availability.ACTIVE ? status : status + ",SchedulingDisabled";
    }

    /** The error kubectl prints for a pod the API server does not hold. */
    public static String notFound(String pod) {
        return "Error from server (NotFound): pods \"" + pod + "\" not found";
    }
}
