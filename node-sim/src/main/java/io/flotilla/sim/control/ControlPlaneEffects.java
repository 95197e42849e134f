package io.flotilla.sim.control;

import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.storage.VolumeSpec;
import io.flotilla.sim.kernel.Event;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything a control plane does to the world: read the clock, arm timers, log, message nodes, and
 * tell the data plane what only the control plane decides (a service's virtual IPs, a task's
 * addresses, a Service's endpoints). Swarm's and Kubernetes' control planes act on the world only
 * through it.
 */
public interface ControlPlaneEffects {

    long now();

    void log(Event event);

    /** Arms {@code timer} to come back after {@code delayNanos}; an equal timer already armed is replaced. */
    void startTimer(ControlPlaneTimer timer, long delayNanos);

    void cancelTimer(ControlPlaneTimer timer);

    /**
     * Sends a node (a kubelet) its assignments (the pods bound to it): all of them ({@code full}) or
     * those that changed since {@code version - 1}.
     */
    void assign(String node, long version, boolean full, List<Assignment> assignments);

    /**
     * Answers a heartbeat (a kubelet's status post) with the period of the next one; asks for every
     * task report again when some were lost.
     */
    void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports);

    /**
     * A service was created: the data plane learns its spec and its virtual IP on each network (the
     * Swarm allocator's; empty for Kubernetes, whose ClusterIPs the data plane hands out).
     */
    default void serviceDeclared(ServiceSpec spec, SortedMap<String, String> vips) {}

    /** The Swarm allocator gave a new task these addresses, by network. */
    default void taskAddressed(String taskId, SortedMap<String, String> addresses) {}

    /** Kubernetes: the EndpointSlice controller wrote the endpoints of the Service of {@code service}. */
    default void endpointsChanged(String service, List<ServiceEndpoint> endpoints) {}

    /**
     * Kubernetes: the provisioner made a claim's volume, as {@code spec} says (a local volume pinned
     * to {@code node}, or one copy on network storage); the run's storage holds its data from now on.
     */
    default void volumeProvisioned(VolumeSpec spec, Optional<String> node) {}

    /** Kubernetes: the attach/detach controller's attach of a network volume to a node is done. */
    default void volumeAttached(String volume, String node) {}

    /** Kubernetes: a network volume is detached from its node (at once, or forced after the unmount wait). */
    default void volumeDetached(String volume) {}

    /** Kubernetes: a deleted claim's volume is deleted, its data with it (reclaim policy Delete). */
    default void volumeDeleted(String volume) {}
}
