package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.ContainerCommanded;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TrafficCounted;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An operator's {@code docker VERB} on a Swarm task's container, and how swarmkit answers it.
 * Moby's executor reports a container that exited as swarmkit's agent reads it ({@code
 * agent/exec/controller.go Do}: {@code Wait} returns nil for a zero exit, the task is {@code
 * complete} "finished"; any other exit is {@code failed} with {@code task: non-zero exit (CODE)}),
 * whoever stopped it; the restart supervisor then decides as for any ended task ({@code
 * restart.go shouldRestart}). {@code docker stop} sends SIGTERM and SIGKILL after the stop grace
 * period ({@code daemon/stop.go containerStop}). A paused container's task stays running, and moby
 * stops its health monitor while it is paused ({@code daemon/health.go updateHealthMonitor}), so
 * nothing replaces it (moby#37809).
 *
 * <p>The tasks run from 2.05s: scheduled at 50ms, a 1s pull, a 1s start.
 */
class ContainerLifecycleTest {

    private static Sim run(String image, String restartPolicy, String timeline) {
        return Sim.run("lifecycle", """
                scenario: lifecycle
                until: 1m30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                images:
                  "app:1": {%s}
                services:
                  web:
                    image: "app:1"
                    deploy: {replicas: 2, restart_policy: %s}
                timeline:
                %s""".formatted(image, restartPolicy, timeline));
    }

    private static final String ANY = "{condition: any, delay: 5s}";

    /** How one stop ends, by what the application does with SIGTERM, and whether the restart policy replaces it. */
    record Stop(String name, String image, String policy, String grace, TaskState end, String error, String endsAt,
            boolean replaced) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Stop> stops() {
        return Stream.of(
                new Stop("exit 0: the task completes and 'any' replaces it (TestOrchestratorRestartOnAny)",
                        "sigterm: exit", ANY, "", TaskState.COMPLETE, null, "20s", true),
                new Stop("exit 0 under on-failure: completed, not replaced (TestOrchestratorRestartOnFailure)",
                        "sigterm: exit", "{condition: on-failure, delay: 5s}", "", TaskState.COMPLETE, null, "20s", false),
                new Stop("dies of SIGTERM: 143 is a failure, and on-failure replaces it",
                        "sigterm: die", "{condition: on-failure, delay: 5s}", "", TaskState.FAILED, "task: non-zero exit (143)",
                        "20s", true),
                new Stop("ignores SIGTERM: SIGKILL after the default 10s grace, 137",
                        "sigterm: ignore", ANY, "", TaskState.FAILED, "task: non-zero exit (137)", "30s", true),
                new Stop("ignores SIGTERM: the service's stop_grace_period is the wait",
                        "sigterm: ignore", ANY, "3s", TaskState.FAILED, "task: non-zero exit (137)", "23s", true),
                new Stop("condition none: nothing replaces it (TestOrchestratorRestartOnNone)",
                        "sigterm: exit", "{condition: none}", "", TaskState.COMPLETE, null, "20s", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stops")
    void aStoppedContainerEndsItsTaskAndTheRestartPolicyDecides(Stop c) {
        Sim sim = Sim.run("lifecycle", """
                scenario: lifecycle
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                images:
                  "app:1": {%s}
                services:
                  web:
                    image: "app:1"
                    %s
                    deploy: {replicas: 2, restart_policy: %s}
                timeline:
                  - {at: 20s, stop: web.1}
                """.formatted(c.image(), c.grace().isEmpty() ? "" : "stop_grace_period: " + c.grace(), c.policy()));
        String stopped = sim.created("web.1").get(0).event().task();
        TaskStateChanged end = sim.expect(TaskStateChanged.class, 0, e -> e.task().equals(stopped) && e.state().isTerminal(),
                "web.1 ended").event();
        assertEquals(c.end(), end.state());
        assertEquals(c.error(), end.error());
        assertEquals(t(c.endsAt()), sim.reached(stopped, c.end()).orElseThrow());
        assertEquals(t(c.endsAt()), sim.desired(stopped, TaskState.SHUTDOWN).orElseThrow(), "the supervisor shuts it down");
        List<Sim.At<TaskCreated>> slot = sim.created("web.1");
        assertEquals(c.replaced() ? 2 : 1, slot.size());
        if (c.replaced()) {
            String next = slot.get(1).event().task();
            long delay = c.policy().contains("delay: 5s") ? t("5s") : 0;
            assertEquals(t(c.endsAt()) + delay, sim.desired(next, TaskState.RUNNING).orElseThrow());
            assertEquals(t(c.endsAt()) + delay + t("1s"), sim.reached(next, TaskState.RUNNING).orElseThrow(),
                    "the image is on the node: only the 1s start");
        }
        assertEquals(c.replaced() ? 2 : 1, sim.running("web", "1m"));
    }

    /**
     * Swarm's own stop of a running task is the controller's {@code Shutdown}, a {@code docker stop}
     * with the service's stop grace period: an application that ignores SIGTERM makes a scale-down
     * take all of it before the task is {@code shutdown}.
     */
    @Test
    void aScaleDownWaitsTheGracePeriodForAnApplicationThatIgnoresSigterm() {
        Sim ignoring = run("sigterm: ignore", ANY, "  - {at: 20s, scale: {web: 1}}\n");
        Sim exiting = run("sigterm: exit", ANY, "  - {at: 20s, scale: {web: 1}}\n");
        String ignored = ignoring.created("web.2").get(0).event().task();
        String exited = exiting.created("web.2").get(0).event().task();
        assertEquals(t("30s"), ignoring.reached(ignored, TaskState.SHUTDOWN).orElseThrow());
        assertEquals(t("20s"), exiting.reached(exited, TaskState.SHUTDOWN).orElseThrow());
    }

    /** {@code docker rm -f} kills: 137, a failure the restart policy answers. */
    @Test
    void aRemovedContainerFailsWith137AndIsReplaced() {
        Sim sim = run("start: 1s", ANY, "  - {at: 20s, remove: web.2}\n");
        String removed = sim.created("web.2").get(0).event().task();
        TaskStateChanged end = sim.expect(TaskStateChanged.class, 0, e -> e.task().equals(removed) && e.state().isTerminal(),
                "web.2 ended").event();
        assertEquals(TaskState.FAILED, end.state());
        assertEquals("task: non-zero exit (137)", end.error());
        assertEquals(t("20s"), sim.reached(removed, TaskState.FAILED).orElseThrow());
        assertEquals(2, sim.created("web.2").size());
        assertEquals(t("26s"), sim.reached(sim.created("web.2").get(1).event().task(), TaskState.RUNNING).orElseThrow());
    }

    /**
     * {@code docker restart} of a task's container ends the task as a stop does, and Swarm replaces
     * it: the restarted container would run on outside the service (moby#33862, moby#28739).
     */
    @Test
    void aRestartedContainerEndsItsTaskAsAStopDoes() {
        Sim sim = run("start: 1s", ANY, "  - {at: 20s, restart: web.1}\n");
        String first = sim.created("web.1").get(0).event().task();
        assertEquals(t("20s"), sim.reached(first, TaskState.COMPLETE).orElseThrow());
        assertEquals(2, sim.created("web.1").size(), "a new task, not the same one");
        assertTrue(sim.first(ContainerCommanded.class, 0, e -> e.command().equals("restart")).orElseThrow().event().detail()
                .contains("would run outside the service"));
    }

    /** Swarm never runs an ended task again: a start of its container is ignored, and says why. */
    @Test
    void startingTheContainerOfAnEndedTaskIsIgnored() {
        Sim sim = run("start: 1s", "{condition: none}", "  - {at: 20s, stop: web.1}\n  - {at: 30s, start: web.1}\n");
        ActionIgnored ignored = sim.expect(ActionIgnored.class, 0, e -> e.action().equals("start"), "start ignored").event();
        assertEquals("the task of web.1 has ended (complete): Swarm never runs a task again once it has ended; its restart "
                + "policy decides on a new one", ignored.reason());
        assertEquals(1, sim.running("web", "1m"));
    }

    /** Ignored verbs, in the engine's words. */
    @Test
    void aVerbThatChangesNothingIsIgnoredWithTheEnginesReason() {
        Sim sim = run("start: 1s", ANY, """
                  - {at: 10s, pause: web.1}
                  - {at: 11s, pause: web.1}
                  - {at: 12s, start: web.1}
                  - {at: 13s, unpause: web.2}
                  - {at: 14s, unpause: web.1}
                  - {at: 15s, start: web.1}
                  - {at: 16s, stop: web.9}
                """);
        List<String> reasons = sim.all(ActionIgnored.class, e -> true).stream().map(a -> a.event().action() + ": "
                + a.event().reason()).toList();
        assertEquals(List.of(
                "pause: web.1 is already paused",
                "start: web.1 is paused: cannot start a paused container, try unpause instead",
                "unpause: web.2 is not paused",
                "start: web.1 is already running",
                "stop: no node runs web.9"), reasons);
    }

    private static Sim probed(String timeline) {
        return Sim.run("paused", """
                scenario: paused
                until: 1m30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                networks: {front: {}}
                services:
                  web:
                    image: "app:1"
                    networks: [front]
                    healthcheck: {interval: 5s, timeout: 2s, retries: 3}
                    deploy: {replicas: 2}
                traffic:
                  - {name: shoppers, from: manager-1, network: front, to: web, rate: 10/s}
                timeline:
                %s""".formatted(timeline));
    }

    /**
     * moby's container controller returns from starting a container with a healthcheck only at its
     * first healthy probe, so Swarm's task is starting until then; a kubelet's pod runs at once and
     * its readiness probe only decides whether it serves.
     */
    @Test
    void aSwarmTaskWithAHealthcheckIsStartingUntilItsFirstHealthyProbe() {
        Sim sim = probed("  - {at: 1m20s, pause: web.1}\n");
        String task = sim.created("web.1").get(0).event().task();
        long healthy = sim.expect(TaskHealthChanged.class, 0, e -> e.task().equals(task) && e.status().equals("healthy"),
                "healthy").time();
        long started = sim.expect(TaskHealthChanged.class, 0, e -> e.task().equals(task) && e.status().equals("starting"),
                "container started").time();
        assertEquals(t("5s"), healthy - started, "one interval after the container starts");
        assertEquals(Optional.of(healthy), sim.reached(task, TaskState.RUNNING));
        assertEquals(TaskState.STARTING, sim.at(healthy - 1).task(task).orElseThrow().state());

        Sim pods = Sim.run("pods", """
                scenario: pods
                strategy: kubernetes
                until: 30s
                nodes:
                  - {name: control-plane-1, role: manager}
                  - {name: worker, count: 2}
                services:
                  web:
                    image: "app:1"
                    healthcheck: {interval: 5s, timeout: 2s, retries: 3}
                    deploy: {replicas: 2}
                """);
        String pod = pods.created("web.1").get(0).event().task();
        long probed = pods.expect(TaskHealthChanged.class, 0, e -> e.task().equals(pod) && e.status().equals("starting"),
                "container started").time();
        assertEquals(Optional.of(probed), pods.reached(pod, TaskState.RUNNING), "running as its container starts");
    }

    /** A task found unhealthy before it was ever healthy never runs: it fails as an unhealthy running one does. */
    @Test
    void aSwarmTaskUnhealthyFromTheStartFailsWithoutRunning() {
        Sim sim = probed("  - {at: 1s, unhealthy: web.1}\n");
        String task = sim.created("web.1").get(0).event().task();
        assertEquals(Optional.empty(), sim.reached(task, TaskState.RUNNING));
        TaskStateChanged failed = sim.expect(TaskStateChanged.class, 0,
                e -> e.task().equals(task) && e.state() == TaskState.FAILED, "failed").event();
        assertEquals("task: non-zero exit (137): dockerexec: unhealthy container", failed.error());
    }

    /**
     * A paused container's task stays running and in the load balancers, and its health check stops:
     * requests sent to it time out, for as long as it is paused, and nothing replaces it.
     */
    @Test
    void aPausedTaskKeepsRunningAndInTheBalancersWhileItsRequestsTimeOut() {
        Sim sim = probed("  - {at: 20s, pause: web.1}\n  - {at: 50s, unpause: web.1}\n");
        String paused = sim.created("web.1").get(0).event().task();
        assertEquals(1, sim.created("web.1").size(), "not replaced");
        assertEquals(2, sim.minRunning("web", t("8s"), t("1m30s")), "running from the first healthy probe on");
        assertEquals(Optional.empty(), sim.first(TaskHealthChanged.class, t("20s"), e -> e.task().equals(paused)),
                "no probe while paused, and it is healthy again after");
        assertEquals(Optional.empty(), sim.first(LbBackendChanged.class, t("20s"), e -> e.task().equals(paused)),
                "never taken out of the balancers");
        List<TrafficCounted> during = windows(sim, "25s", "50s");
        assertTrue(!during.isEmpty() && during.stream().allMatch(w -> w.failed().keySet().equals(Set.of("timeout"))),
                during::toString);
        assertTrue(windows(sim, "51s", "1m30s").stream().allMatch(w -> w.failed().isEmpty()));
        assertTrue(sim.at("30s").task(paused).orElseThrow().paused());
        assertTrue(!sim.at("51s").task(paused).orElseThrow().paused());
    }

    /**
     * A hung application behind a pause: no probe runs while it is paused; at unpause a new monitor
     * probes an interval later (45s), each hung probe fails at its 2s timeout, and the third makes it
     * unhealthy at 1m1s, when Swarm replaces it. Unpaused all along, the same hang is unhealthy at
     * 43.05s (probes at 27.05s, 34.05s and 41.05s).
     */
    @Test
    void theHealthMonitorOfAPausedContainerStartsAgainAnIntervalAfterTheUnpause() {
        Sim paused = probed("  - {at: 20s, pause: web.1}\n  - {at: 25s, unhealthy: web.1}\n  - {at: 40s, unpause: web.1}\n");
        Sim hung = probed("  - {at: 25s, unhealthy: web.1}\n");
        assertEquals(t("1m1s"), unhealthyAt(paused));
        assertEquals(t("43.05s"), unhealthyAt(hung));
    }

    private static long unhealthyAt(Sim sim) {
        String task = sim.created("web.1").get(0).event().task();
        return sim.expect(TaskHealthChanged.class, 0, e -> e.task().equals(task) && e.status().equals("unhealthy"),
                "unhealthy").time();
    }

    private static List<TrafficCounted> windows(Sim sim, String from, String to) {
        return sim.all(TrafficCounted.class, w -> true).stream()
                .filter(a -> a.event().from() >= t(from) && a.event().from() < t(to))
                .map(Sim.At::event).toList();
    }

    @Test
    void aStopOfAPausedContainerThawsIt() {
        Sim sim = run("start: 1s", ANY, "  - {at: 10s, pause: web.1}\n  - {at: 20s, stop: web.1}\n");
        ContainerCommanded stop = sim.expect(ContainerCommanded.class, 0, e -> e.command().equals("stop"), "stop").event();
        assertEquals("thawed, SIGTERM: the application exits (0)", stop.detail());
        assertNull(sim.first(ActionIgnored.class, 0, e -> true).orElse(null));
    }
}
