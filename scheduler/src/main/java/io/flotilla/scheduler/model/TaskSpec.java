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
        Optional<PullPolicy> pullPolicy) {

    /** Docker's {@code stop_grace_period}: SIGTERM, then SIGKILL this long after. */
    public static final long DEFAULT_STOP_GRACE_NANOS = 10_000_000_000L;

    public TaskSpec {
        ports = List.copyOf(ports);
        networks = List.copyOf(networks);
    }

    /** A task whose pull policy is its strategy's default. */
    public TaskSpec(String image, Resources reservations, Resources limits, Placement placement, List<PortConfig> ports,
            List<String> networks, RestartPolicy restartPolicy, Optional<HealthCheck> healthcheck, long stopGracePeriodNanos) {
        this(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck, stopGracePeriodNanos,
                Optional.empty());
    }

    /** A task without a health check and with the default stop grace period. */
    public TaskSpec(String image, Resources reservations, Resources limits, Placement placement, List<PortConfig> ports,
            List<String> networks, RestartPolicy restartPolicy) {
        this(image, reservations, limits, placement, ports, networks, restartPolicy, Optional.empty(),
                DEFAULT_STOP_GRACE_NANOS);
    }

    public TaskSpec withImage(String newImage) {
        return new TaskSpec(newImage, reservations, limits, placement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, pullPolicy);
    }

    /** The same task with compose's {@code pull_policy} (empty: the strategy's default). */
    public TaskSpec withPullPolicy(Optional<PullPolicy> policy) {
        return new TaskSpec(image, reservations, limits, placement, ports, networks, restartPolicy, healthcheck,
                stopGracePeriodNanos, policy);
    }

    /**
     * The fields in order, leaving out a health check and a pull policy that are absent and a stop
     * grace period at its default: Kubernetes names a ReplicaSet by a hash of its printed template,
     * and this keeps the names of templates that use none as they were before those fields existed.
     */
    @Override
    public String toString() {
        return "TaskSpec[image=" + image + ", reservations=" + reservations + ", limits=" + limits + ", placement="
                + placement + ", ports=" + ports + ", networks=" + networks + ", restartPolicy=" + restartPolicy
                + healthcheck.map(h -> ", healthcheck=" + h).orElse("")
                + (stopGracePeriodNanos == DEFAULT_STOP_GRACE_NANOS ? "" : ", stopGracePeriodNanos=" + stopGracePeriodNanos)
                + pullPolicy.map(p -> ", pullPolicy=" + p).orElse("")
                + "]";
    }
}
