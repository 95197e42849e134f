package io.flotilla.sim.control;

import io.flotilla.scheduler.model.SecretChange;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A control plane as the manager actor drives it, Swarm's or Kubernetes': each call handles one
 * input, lets the control plane react until nothing changes, and sends the nodes what changed for
 * them through its {@link ControlPlaneEffects}. A kubelet's status post is a heartbeat here, and its
 * pod statuses are task reports.
 */
public interface ControlPlaneInputs {

    /** A node joins the cluster as the scenario starts it. */
    void addNode(NodeSpec spec, Availability availability);

    /** A node's heartbeat: how many reports it has sent and the last assignments version it saw. */
    void heartbeat(String node, long reportsSent, long assignmentsSeen);

    /** What {@link #quietHeartbeat} returns when the heartbeat must be handled as a message. */
    long NOT_QUIET = -1;

    /**
     * A heartbeat handled while no actor has work, when all it does is move the node's deadline
     * and answer with the next period: returns that period, having done exactly what
     * {@link #heartbeat} would, or {@link #NOT_QUIET}, having changed nothing, when it would do
     * more (a node back from down, a resync, a timer to arm, anything left to settle).
     * {@code host} is the node's index on the wire: fixed for the run and no other node's, so a
     * control plane may find the node by it rather than by hashing its name.
     */
    default long quietHeartbeat(int host, String node, long reportsSent, long assignmentsSeen) {
        return NOT_QUIET;
    }

    /** A node reports task state changes; {@code reportsSent} counts every report it has sent. */
    void reports(String node, List<TaskReport> reports, long reportsSent);

    /**
     * {@link #reports(String, List, long)} from the node at {@code host} on the wire (see
     * {@link #quietHeartbeat}): a control plane may find the node by it rather than by its name.
     */
    default void reports(int host, String node, List<TaskReport> reports, long reportsSent) {
        reports(node, reports, reportsSent);
    }

    /**
     * A node (re)starts its session, after a boot ({@code booted}, it runs only what it reports) or
     * when asked to resend its reports.
     */
    void register(String node, boolean booted, List<TaskReport> reports, long reportsSent);

    /** A timer the control plane armed has come back. */
    void timer(ControlPlaneTimer timer);

    /**
     * A {@linkplain ControlPlaneTimer#frequent frequent} timer come back while no actor has work:
     * returns true having done exactly what {@link #timer} would, when that changes nothing but
     * the control plane's own bookkeeping and timers; otherwise false, having changed nothing.
     */
    default boolean quietTimer(ControlPlaneTimer timer) {
        return false;
    }

    /** The managers have a leader again, after a time without one. */
    void leaderElected();

    /** An operator changes a node's availability: active, pause or drain. */
    void setAvailability(String node, Availability availability);

    /**
     * An operator creates a service or replaces its spec; {@code pods} are its Kubernetes-only pod
     * inputs, which a Swarm control plane has no use for.
     */
    void deploy(ServiceSpec spec, KubernetesPodSpec pods);

    void scale(String service, int replicas);

    /** A new image and update settings, each optional; {@code force} redeploys even an unchanged service. */
    default void update(String service, Optional<String> image, Optional<UpdateConfig> config, boolean force) {
        update(service, image, SecretChange.NONE, config, force);
    }

    /**
     * As {@link #update(String, Optional, Optional, boolean)}, with secrets removed and added
     * ({@code docker service update --secret-rm --secret-add}): one new task template, one rolling
     * update.
     */
    void update(String service, Optional<String> image, SecretChange secrets, Optional<UpdateConfig> config, boolean force);

    /**
     * A kubelet reports that a container's readiness probe passes ({@code ready}) or fails; Swarm has
     * no readiness and ignores it.
     */
    default void readiness(String node, String taskId, boolean ready) {}

    /**
     * As {@link #update(String, Optional, Optional, boolean)}, for a statefulset possibly with a new
     * rolling-update {@code partition}; a control plane without statefulsets ignores the partition.
     */
    default void update(String workload, Optional<String> image, Optional<UpdateConfig> config, boolean force,
            OptionalInt partition) {
        update(workload, image, config, force);
    }

    /** Kubernetes: an operator creates a StorageClass ({@code kubectl apply}); a control plane without them ignores it. */
    default void createStorageClass(StorageClassSpec spec) {}

    /**
     * An operator creates a statefulset or replaces its spec; {@code pods} are its Kubernetes-only pod
     * inputs. A control plane that runs no statefulsets ignores it.
     */
    default void deployStatefulSet(StatefulSetSpec spec, KubernetesPodSpec pods) {}

    /**
     * Kubernetes: {@code kubectl delete pod --force --grace-period=0} on the newest pod of the task name
     * ({@code db-1}, {@code web.2}): the object goes at once, whatever its kubelet says.
     */
    default void forceDelete(String task) {}

    /** Kubernetes: an operator puts the {@code node.kubernetes.io/out-of-service} taint on a node. */
    default void outOfService(String node) {}
}
