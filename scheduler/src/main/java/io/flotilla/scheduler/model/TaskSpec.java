package io.flotilla.scheduler.model;

import java.util.List;
import java.util.Optional;

/**
 * What every task of a service runs and needs; each task carries the copy it was created from,
 * so an update can tell old tasks from new ones.
 */
public record TaskSpec(
        String image,
        Resources reservations,
        Resources limits,
        Placement placement,
        List<PortConfig> ports,
        List<String> networks,
        RestartPolicy restartPolicy,
        Optional<HealthCheck> healthcheck,
        long stopGracePeriodNanos,
        List<VolumeMount> mounts) {

    /** Docker's {@code stop_grace_period}: SIGTERM, then SIGKILL this long after. */
    public static final long DEFAULT_STOP_GRACE_NANOS = 10_000_000_000L;

    public TaskSpec {
        ports = List.copyOf(ports);
        networks = List.copyOf(networks);
        mounts = List.copyOf(mounts);
    }

    /** A task without volumes. */
    public TaskSpec(String image, Resources reservations, Resources limits, Placement placement, List<PortConfig> ports,
            List<String> networks, RestartPolicy restartPolicy, Optional<HealthCheck> healthcheck, long stopGracePeriodNanos) {
        this(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck, stopGracePeriodNanos,
                List.of());
    }

    /** A task without a health check and with the default stop grace period. */
    public TaskSpec(String image, Resources reservations, Resources limits, Placement placement, List<PortConfig> ports,
            List<String> networks, RestartPolicy restartPolicy) {
        this(image, reservations, limits, placement, ports, networks, restartPolicy, Optional.empty(),
                DEFAULT_STOP_GRACE_NANOS);
    }

    public TaskSpec withImage(String newImage) {
        return new TaskSpec(newImage, reservations, limits, placement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, mounts);
    }

    /** The same task with its placement replaced (a statefulset's ordinal pinned to its volume's node). */
    public TaskSpec withPlacement(Placement newPlacement) {
        return new TaskSpec(image, reservations, limits, newPlacement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, mounts);
    }

    /**
     * The fields in order, leaving out a health check that is absent, a stop grace period at its
     * default and an empty list of mounts: Kubernetes names a ReplicaSet by a hash of its printed
     * template, and this keeps the names of templates that use none as they were before these fields
     * existed.
     */
    @Override
    public String toString() {
        return "TaskSpec[image=" + image + ", reservations=" + reservations + ", limits=" + limits + ", placement="
                + placement + ", ports=" + ports + ", networks=" + networks + ", restartPolicy=" + restartPolicy
                + healthcheck.map(h -> ", healthcheck=" + h).orElse("")
                + (stopGracePeriodNanos == DEFAULT_STOP_GRACE_NANOS ? "" : ", stopGracePeriodNanos=" + stopGracePeriodNanos)
                + (mounts.isEmpty() ? "" : ", mounts=" + mounts)
                + "]";
    }
}
