package io.flotilla.network.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.network.health.HealthTimeline.Change;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HealthTimelineTest {

    private static final long S = 1_000_000_000L;

    record Verdict(String name, Healthcheck hc, long passesFrom, long failsFrom, long expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Verdict> verdicts() {
        Healthcheck defaults = Healthcheck.defaults();
        Healthcheck compose = Healthcheck.of(5 * S, 2 * S, 3, 10 * S);
        return Stream.of(
                // health.go: defaultProbeInterval is "also the time before the first probe"
                new Verdict("defaults: healthy at the first probe, 30 s after start", defaults, 0, Long.MAX_VALUE, 30 * S),
                new Verdict("defaults: an app ready at 45 s is healthy at the second probe", defaults, 45 * S, Long.MAX_VALUE, 60 * S),
                new Verdict("defaults: failing just after a probe, unhealthy three probes later", defaults, 0, 30 * S + 1, 120 * S),
                new Verdict("defaults: failing just before a probe, unhealthy 60 s later", defaults, 0, 90 * S, 150 * S),
                new Verdict("a hanging check takes its timeout each time", defaults.hanging(), 0, 30 * S + 1, 210 * S),
                new Verdict("start period: probes every start_interval while starting; failures inside do not count",
                        compose, 12 * S, Long.MAX_VALUE, 15 * S),
                new Verdict("the format's example check: unhealthy three 5 s probes after it starts failing", compose, 0,
                        20 * S + 1, 35 * S));
    }

    @ParameterizedTest
    @MethodSource("verdicts")
    void verdict(Verdict c) {
        if (c.failsFrom == Long.MAX_VALUE) {
            assertEquals(OptionalLong.of(c.expected), HealthTimeline.firstHealthy(c.hc, 0, c.passesFrom));
        } else {
            assertEquals(c.expected, HealthTimeline.unhealthyAt(c.hc, 0, c.failsFrom));
        }
    }

    /** moby daemon/health_test.go TestHealthStates, its three parts, as probe schedules. */
    record States(String name, Healthcheck hc, Set<Long> failingAt, long until, List<Change> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<States> states() {
        return Stream.of(
                new States("starting -> failed -> success -> failed (retries 1)", Healthcheck.of(S, S, 1, 0),
                        Set.of(1 * S, 3 * S), 3 * S,
                        List.of(new Change(S, HealthStatus.UNHEALTHY, 1), new Change(2 * S, HealthStatus.HEALTHY, 0),
                                new Change(3 * S, HealthStatus.UNHEALTHY, 1))),
                new States("retries: two failures stay starting, the third is unhealthy, a success heals",
                        Healthcheck.of(20 * S, S, 3, 0), Set.of(20 * S, 40 * S, 60 * S), 80 * S,
                        List.of(new Change(60 * S, HealthStatus.UNHEALTHY, 3), new Change(80 * S, HealthStatus.HEALTHY, 0))),
                new States("start period: a failure inside it does not count",
                        new Healthcheck(30 * S, S, 2, 30 * S, 20 * S, Healthcheck.FailureMode.EXITS), Set.of(20 * S, 40 * S),
                        70 * S, List.of(new Change(70 * S, HealthStatus.HEALTHY, 0))));
    }

    @ParameterizedTest
    @MethodSource("states")
    void healthStates(States c) {
        assertEquals(c.expected, HealthTimeline.run(c.hc, 0, c.failingAt::contains, c.until));
    }

    @Test
    void neverHealthyIfItTurnsUnhealthyFirst() {
        assertEquals(OptionalLong.empty(), HealthTimeline.firstHealthy(Healthcheck.of(S, S, 2, 0), 0, 10 * S));
    }

    record Stop(String name, GracefulStop stop, GracefulStop expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Stop> stops() {
        return Stream.of(
                new Stop("de-weight, 2 s for gossip, SIGTERM, the process exits after 1 s",
                        GracefulStop.swarm(0, GracefulStop.DEFAULT_STOP_GRACE_NANOS, OptionalLong.of(S)),
                        new GracefulStop(0, 2 * S, 3 * S, false)),
                new Stop("a process that ignores SIGTERM is killed 10 s later",
                        GracefulStop.swarm(5 * S, GracefulStop.DEFAULT_STOP_GRACE_NANOS, OptionalLong.empty()),
                        new GracefulStop(5 * S, 7 * S, 17 * S, true)),
                new Stop("a shorter stop_grace_period", GracefulStop.swarm(0, 3 * S, OptionalLong.of(5 * S)),
                        new GracefulStop(0, 2 * S, 5 * S, true)),
                new Stop("a pod turns terminating and gets SIGTERM at once; 30 s to go",
                        GracefulStop.kubernetes(0, GracefulStop.KUBERNETES_DEFAULT_GRACE_NANOS, OptionalLong.empty()),
                        new GracefulStop(0, 0, 30 * S, true)));
    }

    @ParameterizedTest
    @MethodSource("stops")
    void gracefulStop(Stop c) {
        assertEquals(c.expected, c.stop);
    }

    record Readiness(String name, ReadinessProbe probe, long passesFrom, long failsFrom, boolean hangs, long expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Readiness> readiness() {
        ReadinessProbe defaults = ReadinessProbe.defaults();
        return Stream.of(
                new Readiness("defaults: the worker probes when it starts", defaults, 0, Long.MAX_VALUE, false, 0),
                new Readiness("an app ready at 12 s is ready at the 20 s probe", defaults, 12 * S, Long.MAX_VALUE, false, 20 * S),
                new Readiness("defaults: three failures 10 s apart make it not ready", defaults, 0, 35 * S, false, 60 * S),
                new Readiness("a probe that gets no answer fails at its 1 s timeout", defaults, 0, 35 * S, true, 61 * S),
                new Readiness("the format's example: period 5 s, threshold 3", ReadinessProbe.of(5 * S, 3), 0, 12 * S, false, 25 * S),
                new Readiness("an initial delay skips the early ticks",
                        new ReadinessProbe(10 * S, S, 3, 1, 15 * S), 0, Long.MAX_VALUE, false, 20 * S));
    }

    @ParameterizedTest
    @MethodSource("readiness")
    void readinessProbe(Readiness c) {
        if (c.failsFrom == Long.MAX_VALUE) {
            assertEquals(c.expected, c.probe.firstReady(0, c.passesFrom));
        } else {
            assertEquals(OptionalLong.of(c.expected), c.probe.notReadyAt(0, c.failsFrom, c.hangs));
        }
    }
}
