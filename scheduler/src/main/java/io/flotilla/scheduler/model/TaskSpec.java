package io.flotilla.scheduler.model;

import java.util.List;
import java.util.Optional;

/**
 * What every task of a service runs and needs; each task carries the copy it was created from,
 * so an update can tell old tasks from new ones. {@code security} is how its container is confined
 * and {@code files} the secrets and configs it is granted, sorted as {@code docker stack deploy}
 * sorts them (secrets by name, then configs by name), {@code mounts} the volumes it mounts.
 * {@code pullPolicy} is compose's {@code pull_policy}; empty means the strategy's default.
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
        ContainerSecurity security,
        List<FileReference> files,
        List<VolumeMount> mounts,
        Optional<PullPolicy> pullPolicy) {

    /** Docker's {@code stop_grace_period}: SIGTERM, then SIGKILL this long after. */
    public static final long DEFAULT_STOP_GRACE_NANOS = 10_000_000_000L;

    public TaskSpec {
        ports = List.copyOf(ports);
        networks = List.copyOf(networks);
        files = List.copyOf(files);
        mounts = List.copyOf(mounts);
    }

    /** A task without volumes, whose pull policy is its strategy's default. */
    public TaskSpec(String image, Resources reservations, Resources limits, Placement placement, List<PortConfig> ports,
            List<String> networks, RestartPolicy restartPolicy, Optional<HealthCheck> healthcheck,
            long stopGracePeriodNanos, ContainerSecurity security, List<FileReference> files) {
        this(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck, stopGracePeriodNanos,
                security, files, List.of(), Optional.empty());
    }

    /**
     * A task with the engine's default confinement, no secrets or configs, no volumes and its
     * strategy's default pull policy.
     */
    public TaskSpec(String image, Resources reservations, Resources limits, Placement placement, List<PortConfig> ports,
            List<String> networks, RestartPolicy restartPolicy, Optional<HealthCheck> healthcheck,
            long stopGracePeriodNanos) {
        this(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck, stopGracePeriodNanos,
                ContainerSecurity.NONE, List.of());
    }

    /** A task without a health check and with the default stop grace period. */
    public TaskSpec(String image, Resources reservations, Resources limits, Placement placement, List<PortConfig> ports,
            List<String> networks, RestartPolicy restartPolicy) {
        this(image, reservations, limits, placement, ports, networks, restartPolicy, Optional.empty(),
                DEFAULT_STOP_GRACE_NANOS);
    }

    public TaskSpec withImage(String newImage) {
        return new TaskSpec(newImage, reservations, limits, placement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, security, files, mounts, pullPolicy);
    }

    /** The same task with its placement replaced (a statefulset's ordinal pinned to its volume's node). */
    public TaskSpec withPlacement(Placement newPlacement) {
        return new TaskSpec(image, reservations, limits, newPlacement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, security, files, mounts, pullPolicy);
    }

    /** The same task with other volume mounts (a statefulset's pod mounting its own claims). */
    public TaskSpec withMounts(List<VolumeMount> newMounts) {
        return new TaskSpec(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, security, files, newMounts, pullPolicy);
    }

    /** The same task with compose's {@code pull_policy} (empty: the strategy's default). */
    public TaskSpec withPullPolicy(Optional<PullPolicy> policy) {
        return new TaskSpec(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, security, files, mounts, policy);
    }

    /** The same task with other secrets and configs. */
    public TaskSpec withFiles(List<FileReference> newFiles) {
        return new TaskSpec(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, security, newFiles, mounts, pullPolicy);
    }

    /** The task as a swarm service runs it: without what {@code docker stack deploy} ignores. */
    public TaskSpec forSwarm() {
        ContainerSecurity swarm = security.forSwarm();
        return swarm.equals(security) ? this
                : new TaskSpec(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck,
                        stopGracePeriodNanos, swarm, files, mounts, pullPolicy);
    }

    /** The granted secrets or configs, in order. */
    public List<FileReference> files(FileReference.Kind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * The fields in order, leaving out a health check that is absent, a stop grace period at its
     * default, the default confinement, an empty list of secrets and configs, an empty list of
     * mounts and a pull policy that is absent: Kubernetes names a ReplicaSet by a hash of its printed
     * template, and this keeps the names of templates that use none of them as they were before
     * those fields existed.
     */
    @Override
    public String toString() {
        return "TaskSpec[image=" + image + ", reservations=" + reservations + ", limits=" + limits + ", placement="
                + placement + ", ports=" + ports + ", networks=" + networks + ", restartPolicy=" + restartPolicy
                + healthcheck.map(h -> ", healthcheck=" + h).orElse("")
                + (stopGracePeriodNanos == DEFAULT_STOP_GRACE_NANOS ? "" : ", stopGracePeriodNanos=" + stopGracePeriodNanos)
                + (security.equals(ContainerSecurity.NONE) ? "" : ", security=" + security)
                + (files.isEmpty() ? "" : ", files=" + files)
                + (mounts.isEmpty() ? "" : ", mounts=" + mounts)
                + pullPolicy.map(p -> ", pullPolicy=" + p).orElse("")
                + "]";
    }
}
