package io.flotilla.network.health;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * When a container's health changes, as the daemon's monitor decides it ({@code daemon/health.go}
 * {@code monitor}, {@code handleProbeResult}):
 * <ul>
 *   <li>the first probe runs one interval after the container starts; each next one an interval
 *       after the previous one ended; while the container is still {@code starting} inside its start
 *       period the interval is {@code start_interval};
 *   <li>a success makes it {@code healthy} and clears the failing streak;
 *   <li>a failure adds to the streak, except while it is still {@code starting} and the probe began
 *       inside the start period; at {@code retries} failures in a row it is {@code unhealthy};
 *   <li>a check that fails by hanging ends at {@code timeout}.
 * </ul>
 * Swarm enables a task's service binding only at its first {@code healthy}, and on {@code unhealthy}
 * disables it and stops the task ({@link GracefulStop}).
 */
public final class HealthTimeline {

    private HealthTimeline() {}

    /** A status change, when the probe that caused it ended. */
    public record Change(long time, HealthStatus status, int failingStreak) {}

    /**
     * Every status change from {@code startedAt} until {@code until}; {@code failing} says whether a
     * probe begun at a time fails.
     */
    public static List<Change> run(Healthcheck hc, long startedAt, LongPredicate failing, long until) {
        return probe(hc, startedAt, startedAt, HealthStatus.STARTING, 0, failing, until, false);
    }

    /**
     * Every status change after the monitor starts again at {@code resumedAt} with the status and
     * failing streak it had: moby stops a container's health monitor while it is paused
     * ({@code updateHealthMonitor}: it runs only while running and not paused) and starts a new one
     * at unpause, whose first probe comes one interval later; the status and streak are the
     * container's and survive the pause.
     */
    public static List<Change> resume(Healthcheck hc, long startedAt, long resumedAt, HealthStatus status, int streak,
            LongPredicate failing, long until) {
        return probe(hc, startedAt, resumedAt, status, streak, failing, until, false);
    }

    /**
     * The status and failing streak after the last probe that ended at or before {@code at}, of a
     * monitor that started at {@code monitorFrom} with {@code status} and {@code streak} (a probe
     * still running at {@code at} does not count: a monitor stopped then drops it); the time is
     * when that probe ended, or {@code monitorFrom} if none did.
     */
    public static Change stateAt(Healthcheck hc, long startedAt, long monitorFrom, HealthStatus status, int streak,
            LongPredicate failing, long at) {
        List<Change> probes = probe(hc, startedAt, monitorFrom, status, streak, failing, at, true);
        return probes.isEmpty() ? new Change(monitorFrom, status, streak) : probes.get(probes.size() - 1);
    }

    private static List<Change> probe(Healthcheck hc, long startedAt, long monitorFrom, HealthStatus initial, int initialStreak,
            LongPredicate failing, long until, boolean everyProbe) {
        List<Change> out = new ArrayList<>();
        HealthStatus status = initial;
        int streak = initialStreak;
        long start = monitorFrom + interval(hc, startedAt, monitorFrom, status);
        while (start <= until) {
            boolean fails = failing.test(start);
            long end = fails && hc.failureMode() == Healthcheck.FailureMode.HANGS ? start + hc.timeoutNanos() : start;
            HealthStatus before = status;
            if (!fails) {
                streak = 0;
                status = HealthStatus.HEALTHY;
            } else if (!(status == HealthStatus.STARTING && start - startedAt < hc.startPeriodNanos())) {
                streak++;
                if (streak >= hc.retries()) {
                    status = HealthStatus.UNHEALTHY;
                }
            }
            if ((everyProbe || status != before) && end <= until) {
                out.add(new Change(end, status, streak));
            }
            start = end + interval(hc, startedAt, end, status);
        }
        return out;
    }

    /** When a container whose check passes from {@code passesFrom} on first becomes healthy; empty if it turns unhealthy first. */
    public static OptionalLong firstHealthy(Healthcheck hc, long startedAt, long passesFrom) {
        long horizon = Math.max(passesFrom, startedAt) + hc.startPeriodNanos()
                + (hc.retries() + 2L) * (hc.intervalNanos() + hc.timeoutNanos());
        for (Change c : run(hc, startedAt, t -> t < passesFrom, horizon)) {
            if (c.status() == HealthStatus.HEALTHY) {
                return OptionalLong.of(c.time());
            }
            if (c.status() == HealthStatus.UNHEALTHY) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /**
     * When a container whose check passes until {@code failsFrom} and fails from then on is declared
     * unhealthy.
     */
    public static long unhealthyAt(Healthcheck hc, long startedAt, long failsFrom) {
        long horizon = Math.max(failsFrom, startedAt) + hc.startPeriodNanos()
                + (hc.retries() + 2L) * (hc.intervalNanos() + hc.timeoutNanos());
        for (Change c : run(hc, startedAt, t -> t >= failsFrom, horizon)) {
            if (c.status() == HealthStatus.UNHEALTHY) {
                return c.time();
            }
        }
        throw new IllegalStateException("no unhealthy verdict within " + horizon);
    }

    private static long interval(Healthcheck hc, long startedAt, long now, HealthStatus status) {
        if (now - startedAt >= hc.startPeriodNanos()) {
            return hc.intervalNanos();
        }
        return status == HealthStatus.STARTING ? hc.startIntervalNanos() : hc.intervalNanos();
    }
}
