package io.flotilla.network.health;

import java.util.OptionalLong;

/**
 * How a Swarm task is taken out of service on purpose (scale down, update, drain, an unhealthy task,
 * a task replaced while its node was away), from moby's container controller ({@code Shutdown}):
 * <ol>
 *   <li>at {@code start}, the service binding is disabled: {@code ServiceDisabled} is gossiped, the
 *       task leaves DNS and gets IPVS weight 0 on every node as the news arrives; connections
 *       already open carry on;
 *   <li>{@code defaultGossipConvergeDelay} (2 s) later, SIGTERM;
 *   <li>the container exits on its own, or is killed at {@code stop_grace_period} (default 10 s)
 *       after SIGTERM;
 *   <li>when it is gone its endpoint is deleted: the destination leaves IPVS for good.
 * </ol>
 *
 * @param exitsAt when the container is gone (and its endpoint deleted)
 * @param killed whether it had to be killed at the end of the grace period
 */
public record GracefulStop(long deweightedAt, long sigtermAt, long exitsAt, boolean killed) {

    public static final long GOSSIP_CONVERGE_DELAY_NANOS = 2_000_000_000L;
    public static final long DEFAULT_STOP_GRACE_NANOS = 10_000_000_000L;
    public static final long KUBERNETES_DEFAULT_GRACE_NANOS = 30_000_000_000L;

    /**
     * The stop timeline of a task whose process exits {@code exitAfterSigterm} after SIGTERM (empty:
     * it ignores SIGTERM).
     */
    public static GracefulStop swarm(long start, long stopGraceNanos, OptionalLong exitAfterSigterm) {
        long sigterm = start + GOSSIP_CONVERGE_DELAY_NANOS;
        long kill = sigterm + stopGraceNanos;
        long exits = exitAfterSigterm.isPresent() ? Math.min(sigterm + exitAfterSigterm.getAsLong(), kill) : kill;
        return new GracefulStop(start, sigterm, exits, exitAfterSigterm.orElse(Long.MAX_VALUE) >= stopGraceNanos);
    }

    /**
     * A pod's deletion: its endpoint turns terminating (not ready) and SIGTERM is sent at once; it is
     * killed after {@code terminationGracePeriodSeconds} (default 30 s).
     */
    public static GracefulStop kubernetes(long start, long graceNanos, OptionalLong exitAfterSigterm) {
        long kill = start + graceNanos;
        long exits = exitAfterSigterm.isPresent() ? Math.min(start + exitAfterSigterm.getAsLong(), kill) : kill;
        return new GracefulStop(start, start, exits, exitAfterSigterm.orElse(Long.MAX_VALUE) >= graceNanos);
    }
}
