package io.flotilla.network.health;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * A Kubernetes readiness probe: {@code periodSeconds} (10), {@code timeoutSeconds} (1),
 * {@code failureThreshold} (3), {@code successThreshold} (1), {@code initialDelaySeconds} (0).
 *
 * <p>The kubelet's prober worker probes when it starts (with the container) and then every period;
 * ticks before the initial delay do nothing. A pod starts not ready; {@code successThreshold}
 * successes in a row make it ready, {@code failureThreshold} failures in a row make it not ready.
 * A probe that gets no answer fails at its timeout. Readiness never restarts a container.
 */
public record ReadinessProbe(long periodNanos, long timeoutNanos, int failureThreshold, int successThreshold,
        long initialDelayNanos) {

    private static final long S = 1_000_000_000L;

    public static ReadinessProbe defaults() {
        return new ReadinessProbe(10 * S, S, 3, 1, 0);
    }

    public static ReadinessProbe of(long periodNanos, int failureThreshold) {
        return new ReadinessProbe(periodNanos, S, failureThreshold, 1, 0);
    }

    /** A readiness change, when the probe that caused it ended. */
    public record Change(long time, boolean ready) {}

    /** Every readiness change from {@code startedAt} to {@code until}; {@code failing}: whether a probe at that time fails. */
    public List<Change> run(long startedAt, LongPredicate failing, boolean hangs, long until) {
        List<Change> out = new ArrayList<>();
        boolean ready = false;
        int successes = 0;
        int failures = 0;
        for (long tick = startedAt; tick <= until; tick += periodNanos) {
            if (tick - startedAt < initialDelayNanos) {
                continue;
            }
            boolean fails = failing.test(tick);
            long end = fails && hangs ? tick + timeoutNanos : tick;
            if (fails) {
                failures++;
                successes = 0;
                if (ready && failures >= failureThreshold) {
                    ready = false;
                    out.add(new Change(end, false));
                }
            } else {
                successes++;
                failures = 0;
                if (!ready && successes >= successThreshold) {
                    ready = true;
                    out.add(new Change(end, true));
                }
            }
        }
        return out;
    }

    /** When a pod whose probe passes from {@code passesFrom} becomes ready. */
    public long firstReady(long startedAt, long passesFrom) {
        long horizon = Math.max(startedAt, passesFrom) + initialDelayNanos + (successThreshold + 1L) * periodNanos;
        return run(startedAt, t -> t < passesFrom, false, horizon).stream()
                .filter(Change::ready).mapToLong(Change::time).findFirst().orElseThrow();
    }

    /** When a ready pod whose probe fails from {@code failsFrom} on becomes not ready; empty if it never was ready. */
    public OptionalLong notReadyAt(long startedAt, long failsFrom, boolean hangs) {
        long horizon = Math.max(startedAt, failsFrom) + initialDelayNanos + (failureThreshold + 1L) * periodNanos + timeoutNanos;
        return run(startedAt, t -> t >= failsFrom, hangs, horizon).stream()
                .filter(c -> !c.ready()).mapToLong(Change::time).findFirst();
    }
}
