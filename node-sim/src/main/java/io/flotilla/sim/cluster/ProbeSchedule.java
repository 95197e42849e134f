package io.flotilla.sim.cluster;

import io.flotilla.network.health.HealthStatus;
import io.flotilla.network.health.HealthTimeline;
import io.flotilla.network.health.Healthcheck;
import io.flotilla.network.health.ReadinessProbe;
import io.flotilla.scheduler.model.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One container's probe as its node runs it, from the pure timing of {@code
 * io.flotilla.network.health}: Swarm's daemon runs the compose healthcheck ({@link HealthTimeline});
 * a kubelet runs it as the pod's readiness probe ({@link ReadinessProbe}: period = interval, timeout =
 * timeout, failure threshold = retries, success threshold 1, initial delay = start period).
 *
 * <p>The application answers its probes until told to fail ({@code unhealthy} in the timeline) and
 * again once told to pass. A failing application is a hung one (it stops answering requests too), so
 * a probe begun while it fails hangs until the check's {@code timeout} kills it, and only then counts
 * as failed: moby's {@code cmdProbe} fails a probe that exceeds its timeout, {@code handleProbeResult}
 * counts it when it ends, and the next probe starts an interval after that. The kubelet's probe of a
 * hung container fails at its timeout the same way. The time to {@code unhealthy} therefore grows
 * with the timeout. The
 * schedule is worked out again from the container's start at every such change, so the node arms
 * one timer per container: at its next change of status.
 */
final class ProbeSchedule {

    /** A status reached ({@code starting}, {@code healthy}, {@code unhealthy}) when a probe ended. */
    record Change(long time, HealthStatus status, int failingStreak) {}

    private final Healthcheck healthcheck;
    private final Optional<ReadinessProbe> readiness;
    private final long startedAt;
    /** When the daemon's monitor (re)started, and the status and failing streak it started with. */
    private final long monitorFrom;
    private final HealthStatus initialStatus;
    private final int initialStreak;
    /** When the application started or stopped failing: even entries start failing, odd ones stop. */
    private final List<Long> toggles = new ArrayList<>();
    private long applied;

    private ProbeSchedule(Healthcheck healthcheck, Optional<ReadinessProbe> readiness, long startedAt) {
        this(healthcheck, readiness, startedAt, startedAt, HealthStatus.STARTING, 0);
    }

    private ProbeSchedule(Healthcheck healthcheck, Optional<ReadinessProbe> readiness, long startedAt, long monitorFrom,
            HealthStatus initialStatus, int initialStreak) {
        this.healthcheck = healthcheck;
        this.readiness = readiness;
        this.startedAt = startedAt;
        this.monitorFrom = monitorFrom;
        this.initialStatus = initialStatus;
        this.initialStreak = initialStreak;
        this.applied = monitorFrom - 1;
    }

    /** Swarm's daemon: the healthcheck as compose gives it. */
    static ProbeSchedule healthcheck(HealthCheck spec, long startedAt) {
        return new ProbeSchedule(healthcheckOf(spec), Optional.empty(), startedAt);
    }

    /** A kubelet: the healthcheck as the pod's readiness probe. */
    static ProbeSchedule readiness(HealthCheck spec, long startedAt) {
        Healthcheck hc = healthcheckOf(spec);
        return new ProbeSchedule(hc, Optional.of(new ReadinessProbe(hc.intervalNanos(), hc.timeoutNanos(), hc.retries(), 1,
                hc.startPeriodNanos())), startedAt);
    }

    private static Healthcheck healthcheckOf(HealthCheck spec) {
        Healthcheck d = Healthcheck.defaults();
        return Healthcheck.of(spec.intervalNanos() > 0 ? spec.intervalNanos() : d.intervalNanos(),
                spec.timeoutNanos() > 0 ? spec.timeoutNanos() : d.timeoutNanos(),
                Math.max(1, spec.retries()), Math.max(0, spec.startPeriodNanos())).hanging();
    }

    /** Whether the application fails its probes now. */
    boolean failing() {
        return toggles.size() % 2 == 1;
    }

    /** The application starts failing its probes at {@code now}, or passing them again. */
    void setFailing(long now, boolean failing) {
        if (failing != failing()) {
            toggles.add(now);
        }
    }

    /** The first change of status after the last one applied; empty when none is coming. */
    Optional<Change> next(long now) {
        long from = Math.max(now, applied);
        long horizon = from + healthcheck.startPeriodNanos()
                + (healthcheck.retries() + 2L) * (healthcheck.intervalNanos() + healthcheck.timeoutNanos());
        if (readiness.isPresent()) {
            for (ReadinessProbe.Change c : readiness.get().run(startedAt, this::failingAt, true, horizon)) {
                if (c.time() > applied) {
                    return Optional.of(c.ready() ? new Change(c.time(), HealthStatus.HEALTHY, 0)
                            : new Change(c.time(), HealthStatus.UNHEALTHY, readiness.get().failureThreshold()));
                }
            }
            return Optional.empty();
        }
        for (HealthTimeline.Change c : HealthTimeline.resume(healthcheck, startedAt, monitorFrom, initialStatus, initialStreak,
                this::failingAt, horizon)) {
            if (c.time() > applied) {
                return Optional.of(new Change(c.time(), c.status(), c.failingStreak()));
            }
        }
        return Optional.empty();
    }

    /**
     * The daemon's monitor of a container that was paused at {@code pausedAt} (moby stops it: no
     * probe runs while the container is frozen, and one in flight is dropped) and is unpaused at
     * {@code now}: a new monitor, whose first probe comes an interval later, carrying on from the
     * status and failing streak the probes had reached. Only Swarm's daemon pauses its monitor; a
     * kubelet keeps probing a paused container.
     */
    ProbeSchedule resumed(long pausedAt, long now) {
        HealthTimeline.Change state = HealthTimeline.stateAt(healthcheck, startedAt, monitorFrom, initialStatus, initialStreak,
                this::failingAt, pausedAt);
        ProbeSchedule next = new ProbeSchedule(healthcheck, readiness, startedAt, now, state.status(), state.failingStreak());
        next.toggles.addAll(toggles);
        return next;
    }

    void applied(Change c) {
        applied = c.time();
    }

    /** Whether a probe begun at {@code time} fails: the application's state then (a change at that instant counts). */
    private boolean failingAt(long time) {
        int n = 0;
        for (long t : toggles) {
            if (t <= time) {
                n++;
            }
        }
        return n % 2 == 1;
    }
}
