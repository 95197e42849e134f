package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.ContainerOomKilled;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.sim.events.TrafficCounted;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An operator's {@code docker VERB} on a pod's container, and how the kubelet answers it: the pod
 * outlives its containers, so an exited one is started again in place (restartPolicy Always) after
 * the CrashLoopBackOff delay measured from the exit ({@code kuberuntime_manager.go doBackOff}:
 * the first restart at once, then {@code flowcontrol.Backoff} from 10s, doubling to 5m); a removed
 * container leaves no exited one to back off from, so a new one starts at once. The readiness probe
 * keeps running on a paused container and times out on it; nothing restarts the pod for it.
 *
 * <p>Pods run from 2s: bound at 0s, a 1s pull, a 1s start.
 */
class ContainerLifecycleKubernetesTest {

    private static Sim run(String image, String extra, String timeline) {
        return Sim.run("kubelet", """
                scenario: kubelet
                strategy: kubernetes
                until: 2m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker-1}
                images:
                  "app:1": {%s}
                services:
                  web:
                    image: "app:1"
                    kubernetes: {node_selector: {kubernetes.io/hostname: worker-1}}
                    %s
                    deploy: {replicas: 1}
                timeline:
                %s""".formatted(image, extra, timeline));
    }

    private static String pod(Sim sim) {
        return sim.created("web.1").get(0).event().task();
    }

    private static List<Long> times(Sim sim, String pod, TaskState state) {
        return sim.all(TaskStateChanged.class, e -> e.task().equals(pod) && e.state() == state).stream()
                .map(Sim.At::time).toList();
    }

    /** A stopped container (exit 0) of a pod whose container never exited before restarts at once, in place. */
    @Test
    void aStoppedContainerRestartsInPlaceAtOnce() {
        Sim sim = run("sigterm: exit", "", "  - {at: 20s, stop: web.1}\n");
        String pod = pod(sim);
        assertEquals(List.of(t("20s")), times(sim, pod, TaskState.COMPLETE));
        assertEquals(List.of(t("1s"), t("20s")), times(sim, pod, TaskState.STARTING));
        assertEquals(List.of(t("2s"), t("21s")), times(sim, pod, TaskState.RUNNING));
        assertEquals(1, sim.all(TaskCreated.class, e -> true).size(), "the same pod");
    }

    /**
     * A leak OOM-killed 5s after each start: CrashLoopBackOff. The first restart is at once, then the
     * kubelet waits 10s, 20s and 40s from each exit (TestCrashLoopBackOff's doubling, from
     * {@code flowcontrol.Backoff} with 10s and 300s).
     */
    @Test
    void anOomKilledContainerRestartsUnderCrashLoopBackOff() {
        Sim sim = Sim.run("kubelet", """
                scenario: kubelet
                strategy: kubernetes
                until: 2m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker-1}
                images:
                  "leak:1": {memory_use: [{after: 0s, use: 100M}, {after: 5s, use: 300M}]}
                services:
                  web:
                    image: "leak:1"
                    kubernetes: {node_selector: {kubernetes.io/hostname: worker-1}}
                    deploy: {replicas: 1, resources: {limits: {memory: 256M}}}
                """);
        String pod = pod(sim);
        assertEquals(List.of(t("7s"), t("13s"), t("29s"), t("55s"), t("1m41s")), times(sim, pod, TaskState.FAILED));
        assertEquals(List.of(t("1s"), t("7s"), t("23s"), t("49s"), t("1m35s")), times(sim, pod, TaskState.STARTING));
        assertEquals(List.of(t("10s"), t("20s"), t("40s"), t("1m20s")), sim.all(ContainerBackOff.class, e -> true).stream()
                .map(a -> a.event().backOffNanos()).toList());
        TaskStateChanged failed = sim.expect(TaskStateChanged.class, 0, e -> e.state() == TaskState.FAILED, "failed").event();
        assertEquals("task: non-zero exit (137): OOMKilled", failed.error());
        ContainerOomKilled oom = sim.expect(ContainerOomKilled.class, 0, e -> true, "oom").event();
        assertEquals(300L << 20, oom.usedBytes());
        assertEquals(256L << 20, oom.limitBytes());
        assertEquals(1, sim.all(TaskCreated.class, e -> true).size(), "the pod is never replaced");
    }

    /** {@code docker rm -f} during a back-off: no exited container is left to back off from (doBackOff), so it starts at once. */
    @Test
    void removingAContainerThatWaitsOutItsBackOffStartsItAtOnce() {
        Sim sim = run("start: 1s", "", """
                  - {at: 10s, kill_task: web.1}
                  - {at: 20s, kill_task: web.1}
                  - {at: 22s, remove: web.1}
                """);
        String pod = pod(sim);
        assertEquals(List.of(t("1s"), t("10s"), t("22s")), times(sim, pod, TaskState.STARTING),
                "restarted at once at 10s; killed at 20s it would wait until 30s, removed at 22s it starts then");
    }

    /** A removed running container: killed (137) and a new one started at once, with no back-off. */
    @Test
    void aRemovedContainerIsReplacedInThePodAtOnce() {
        Sim sim = run("start: 1s", "", "  - {at: 10s, kill_task: web.1}\n  - {at: 20s, remove: web.1}\n");
        String pod = pod(sim);
        assertEquals(List.of(t("10s"), t("20s")), times(sim, pod, TaskState.FAILED));
        assertEquals(List.of(t("1s"), t("10s"), t("20s")), times(sim, pod, TaskState.STARTING));
        assertEquals(List.of(), sim.all(ContainerBackOff.class, e -> true), "no back-off: the second exit was a removal");
    }

    /** {@code docker start} of a container waiting out its back-off starts it now. */
    @Test
    void startingAContainerThatWaitsOutItsBackOffStartsItNow() {
        Sim sim = run("start: 1s", "", """
                  - {at: 10s, kill_task: web.1}
                  - {at: 20s, kill_task: web.1}
                  - {at: 25s, start: web.1}
                """);
        assertEquals(List.of(t("1s"), t("10s"), t("25s")), times(sim, pod(sim), TaskState.STARTING));
    }

    /** {@code docker restart}: the same container runs again at once; the kubelet's back-off has no part in it. */
    @Test
    void aRestartedContainerRunsAgainInPlaceWithoutABackOff() {
        Sim sim = run("start: 1s", "", """
                  - {at: 10s, kill_task: web.1}
                  - {at: 20s, restart: web.1}
                """);
        String pod = pod(sim);
        assertEquals(List.of(t("1s"), t("10s"), t("20s")), times(sim, pod, TaskState.STARTING));
        assertEquals(List.of(t("20s")), times(sim, pod, TaskState.COMPLETE));
        assertEquals(List.of(), sim.all(ContainerBackOff.class, e -> true));
    }

    private static Sim example(String name) {
        Scenario scenario = ExamplesTest.load(Path.of("examples", name + ".yaml"));
        return Sim.of(ScenarioRunner.run(scenario, new RunOptions(Optional.of(Strategy.KUBERNETES), OptionalLong.empty(), Set.of())));
    }

    /** The leak example under Kubernetes: each pod's container crash-loops in place, each wait twice the last. */
    @Test
    void theLeakExampleCrashLoopsEachPodInPlace() {
        Sim sim = example("compare-memory-leak");
        String pod = sim.all(ContainerOomKilled.class, e -> true).get(0).event().task();
        assertEquals(List.of(t("10s"), t("20s"), t("40s"), t("1m20s")), sim.all(ContainerBackOff.class, e -> e.task().equals(pod))
                .stream().map(a -> a.event().backOffNanos()).toList());
        assertEquals(List.of(t("1m41.5s"), t("2m22.5s"), t("3m13.5s"), t("4m14.5s"), t("5m35.5s")),
                times(sim, pod, TaskState.FAILED), "40s of running, then 0s, 10s, 20s, 40s of back-off and 1s to start");
        assertEquals(6, sim.all(TaskCreated.class, e -> true).size(), "3 pods and their 3 of the new template, never replaced");
    }

    /** The pause example under Kubernetes: the readiness probe takes the paused pod out, and failures stop. */
    @Test
    void thePauseExampleLosesThePausedPodFromItsServiceOnlyOnceItIsNotReady() {
        Sim sim = example("compare-pause-vs-stop");
        TaskHealthChanged notReady = sim.expect(TaskHealthChanged.class, t("30s"), e -> e.status().equals("unhealthy"), "not ready")
                .event();
        assertEquals(t("44s"), sim.first(TaskHealthChanged.class, t("30s"), e -> e.status().equals("unhealthy")).orElseThrow().time());
        assertEquals(1, sim.created(sim.at("44s").task(notReady.task()).orElseThrow().name).size(), "nobody restarts it");
        long failedAfter = sim.all(TrafficCounted.class, w -> w.from() >= t("46s") && w.from() < t("1m30s")).stream()
                .mapToLong(a -> a.event().failed().values().stream().mapToLong(Long::longValue).sum()).sum();
        assertEquals(0, failedAfter, "out of the Service's endpoints once not ready");
    }

    /**
     * A paused container's readiness probe (every 5s from 2s, its ticker unmoved by a probe that
     * hangs) times out at 2s: probes at 22s, 27s and 32s fail at 24s, 29s and 34s, and the third makes
     * the pod not ready at 34s. The pod runs all along and nobody restarts it; at unpause the next
     * probe (42s) passes.
     */
    @Test
    void aPausedPodsReadinessProbeTimesOutAndItLeavesItsEndpoints() {
        Sim sim = run("start: 1s", "healthcheck: {interval: 5s, timeout: 2s, retries: 3}",
                "  - {at: 20s, pause: web.1}\n  - {at: 40s, unpause: web.1}\n");
        String pod = pod(sim);
        List<String> health = sim.all(TaskHealthChanged.class, e -> e.task().equals(pod)).stream()
                .map(a -> Durations.format(a.time()) + " " + a.event().status()).toList();
        assertEquals(List.of("2s starting", "2s healthy", "34s unhealthy", "42s healthy"), health);
        assertEquals(1, sim.minRunning("web", t("3s"), t("2m")));
        assertTrue(sim.at("30s").task(pod).orElseThrow().paused());
    }
}
