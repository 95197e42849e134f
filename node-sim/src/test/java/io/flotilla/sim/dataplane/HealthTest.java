package io.flotilla.sim.dataplane;

import static io.flotilla.sim.dataplane.Net.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Health checks at exact virtual times. web.1's container starts running at 1.05s (the image pulls
 * at once and starts in a second, after the first scheduling pass); its application fails from the
 * {@code unhealthy} action on.
 *
 * <ul>
 *   <li>Swarm (moby {@code daemon/health.go}, executor {@code controller.go}): the first probe an
 *       interval after start; healthy at the first success, and only then in DNS and the load
 *       balancers; a probe of the hung application fails when its {@code timeout} kills it, and the
 *       next one starts an interval after that; unhealthy after {@code retries} failures in a row; then out of DNS and IPVS weight 0,
 *       SIGTERM 2s later, which the hung application ignores, SIGKILL after the stop grace period, the
 *       task failed with {@code task: non-zero exit (137): dockerexec: unhealthy container}.
 *   <li>Kubernetes: the healthcheck is the pod's readiness probe (period = interval, failure threshold
 *       = retries): a probe when the container starts, then every period; a probe of the hung
 *       application fails at its timeout; not ready after {@code retries} failures, out of the ready endpoints, and kube-proxy's rules a sync (1s) later;
 *       ready again at the first probe that passes. The pod is never restarted for it.
 * </ul>
 */
class HealthTest {

    record Case(String name, Supplier<Net> cluster, List<String> health, List<String> manager1Lb, List<String> failed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String UNHEALTHY = "task: non-zero exit (137): dockerexec: unhealthy container";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("swarm, docker's defaults (30s, 30s, 3, 0)", () -> Net.swarm("manager-1", "worker-1").overlay("frontend")
                        .service(Net.Service.named("web").on("frontend").healthcheck(30 * S, 30 * S, 3, 0))
                        .client("c", "manager-1", "frontend", "web", 1, 0, 200 * S, S)
                        .health(40 * S, "web.1", false),
                        // Probes at 1m1.05s, 1m31.05s (+30s hung, +30s) and 3m1.05s each hang 30s.
                        List.of("1.05s starting 0", "31.05s healthy 0", "3m31.05s unhealthy 3"),
                        List.of("31.070731425s web.1#1 1", "3m31.070731425s web.1#1 0", "3m43.070731425s web.1#1 -1",
                                "4m19.070731425s web.1#2 1"),
                        List.of("3m43.05s web.1#1 " + UNHEALTHY)),
                new Case("swarm, 2s interval, 2 retries", () -> Net.swarm("manager-1", "worker-1").overlay("frontend")
                        .service(Net.Service.named("web").on("frontend").healthcheck(2 * S, S, 2, 0))
                        .client("c", "manager-1", "frontend", "web", 1, 0, 200 * S, S)
                        .health(10 * S, "web.1", false),
                        // 11.05s fails at 12.05s; the next probe 2s later, 14.05s, fails at 15.05s.
                        List.of("1.05s starting 0", "3.05s healthy 0", "15.05s unhealthy 2"),
                        List.of("3.070731425s web.1#1 1", "15.070731425s web.1#1 0", "27.070731425s web.1#1 -1",
                                "35.070731425s web.1#2 1"),
                        List.of("27.05s web.1#1 " + UNHEALTHY)),
                new Case("swarm, 2s interval, a 3s timeout, 2 retries", () -> Net.swarm("manager-1", "worker-1").overlay("frontend")
                        .service(Net.Service.named("web").on("frontend").healthcheck(2 * S, 3 * S, 2, 0))
                        .client("c", "manager-1", "frontend", "web", 1, 0, 200 * S, S)
                        .health(10 * S, "web.1", false),
                        // 11.05s fails at 14.05s; the next probe, 16.05s, at 19.05s.
                        List.of("1.05s starting 0", "3.05s healthy 0", "19.05s unhealthy 2"),
                        List.of("3.070731425s web.1#1 1", "19.070731425s web.1#1 0", "31.070731425s web.1#1 -1",
                                "39.070731425s web.1#2 1"),
                        List.of("31.05s web.1#1 " + UNHEALTHY)),
                new Case("swarm, failing inside a 20s start period: it never counts, then twice is enough",
                        () -> Net.swarm("manager-1", "worker-1").overlay("frontend")
                        .service(Net.Service.named("web").on("frontend").healthcheck(5 * S, S, 2, 20 * S))
                        .client("c", "manager-1", "frontend", "web", 1, 0, 200 * S, S)
                        .health(2 * S, "web.1", false),
                        // Every 5s (start_interval) from 6.05s, each hung 1s: 24.05s is the first outside the period.
                        List.of("1.05s starting 0", "31.05s unhealthy 2"),
                        List.of("54.070731425s web.1#2 1"),
                        List.of("43.05s web.1#1 " + UNHEALTHY)),
                new Case("kubernetes, a 5s readiness probe with 2 failures", () -> Net.kubernetes("manager-1", "worker-1")
                        .overlay("frontend")
                        .service(Net.Service.named("web").on("frontend").healthcheck(5 * S, S, 2, 0))
                        .client("c", "manager-1", "frontend", "web", 1, 0, 200 * S, S)
                        .health(10 * S, "web.1", false)
                        .health(30 * S, "web.1", true),
                        // Ticks at 11s and 16s fail when their 1s timeout ends.
                        List.of("1s starting 0", "1s healthy 0", "17s unhealthy 2", "31s healthy 0"),
                        List.of("2s web.1 1", "18s web.1 -1", "32s web.1 1"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void timings(Case c) {
        try (Net n = c.cluster().get().run(300 * S)) {
            String task = n.task("web.1", 1);
            assertEquals(c.health(), n.all(TaskHealthChanged.class, e -> e.task().equals(task)).stream()
                    .map(a -> Durations.format(a.time()) + " " + a.event().status() + " " + a.event().failingStreak()).toList());
            assertEquals(c.manager1Lb(), n.all(LbBackendChanged.class, e -> e.node().equals("manager-1")).stream()
                    .map(a -> Durations.format(a.time()) + " " + slot(n, a.event().task()) + " " + a.event().weight()).toList());
            assertEquals(c.failed(), n.all(TaskStateChanged.class, e -> e.state() == TaskState.FAILED).stream()
                    .map(a -> Durations.format(a.time()) + " " + a.event().task() + " " + a.event().error()).toList());
        }
    }

    /** Swarm's task ids read as they are; a pod is named by its slot. */
    static String slot(Net n, String task) {
        return task.contains("#") ? task : n.all(TaskCreated.class, e -> e.task().equals(task)).get(0).event().name();
    }
}
