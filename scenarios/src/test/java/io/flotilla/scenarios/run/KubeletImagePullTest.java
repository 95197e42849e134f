package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.ImagePullFailed;
import io.flotilla.sim.events.TaskWaiting;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kubelet's image pulls under the kubernetes strategy, at exact virtual times.
 *
 * <ul>
 *   <li>{@code EnsureImageExists} ({@code pkg/kubelet/images/image_manager.go}): a failed pull is
 *       {@code ErrImagePull} and starts the pod's back-off ({@code flowcontrol.Backoff}, 10s doubling
 *       to 300s: {@code imageBackOffPeriod}, {@code MaxImageBackOff} in {@code pkg/kubelet/kubelet.go});
 *       a pull asked for within the back-off since the last failure ({@code IsInBackOffSinceUpdate}) is
 *       {@code ImagePullBackOff}, {@code Back-off pulling image "..."}; an absent image under
 *       {@code Never} is {@code ErrImageNeverPull}.
 *   <li>The pod worker ({@code pod_workers.go} {@code completeWork}) syncs a pod again 10s after a
 *       sync that failed ({@code backOffPeriod}) and a minute after one that did not (a sync held back
 *       by the back-off does not fail: {@code SyncPod} leaves {@code ErrImagePullBackOff} out); upstream
 *       jitters both up to half again, the simulation takes the lower bound.
 *   <li>Defaults ({@code SetDefaults_Container}): {@code Always} for {@code :latest}, so a restarted
 *       container's image is pulled again and cannot start while the registry is down.
 * </ul>
 */
class KubeletImagePullTest {

    private static final String CLUSTER = """
            strategy: kubernetes
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker-1}
            """;

    @Test
    void aPullThatFailsBacksOffTenSecondsDoublingToFiveMinutesAndThePodWaits() {
        Sim sim = Sim.run("backoff", "scenario: backoff\nuntil: 14m\n" + CLUSTER + """
                services:
                  web: {image: "nginx:1.28"}
                timeline:
                  - {at: 0s, registry_down: hub}
                  - {at: 8m, registry_up: hub}
                """);
        String pod = sim.created("web.1").get(0).event().task();
        // Failures at 0 (back-off 10s), 10s (20s), 1m20s (40s), 2m30s (80s), 4m40s (160s), 7m50s (300s).
        assertEquals(List.of(t("0s"), t("10s"), t("1m20s"), t("2m30s"), t("4m40s"), t("7m50s")),
                sim.all(ImagePullFailed.class, e -> true).stream().map(Sim.At::time).toList());
        List<Sim.At<TaskWaiting>> waiting = sim.all(TaskWaiting.class, e -> e.task().equals(pod));
        assertEquals(List.of(t("0s"), t("20s"), t("1m20s"), t("1m30s"), t("2m30s"), t("2m40s"), t("4m40s"), t("4m50s"),
                t("7m50s"), t("8m")), waiting.stream().map(Sim.At::time).toList());
        assertEquals("ErrImagePull", waiting.get(0).event().reason());
        assertEquals("failed to pull image \"nginx:1.28\": registry hub is down", waiting.get(0).event().message());
        assertEquals("ImagePullBackOff", waiting.get(1).event().reason());
        assertEquals("Back-off pulling image \"nginx:1.28\"", waiting.get(1).event().message());
        assertEquals("ImagePullBackOff: Back-off pulling image \"nginx:1.28\"",
                sim.at("9m").newest("web.1").orElseThrow().error().orElseThrow(), "the pod's error while it waits");
        assertEquals(TaskState.PREPARING, sim.at("9m").newest("web.1").orElseThrow().state(), "Pending, its container Waiting");
        // hub is back at 8m, but the next pull waits for the 300s back-off since 7m50s: the sync at 13m pulls.
        assertEquals(t("13m1s"), sim.reached(pod, TaskState.READY).orElseThrow());
        assertEquals(t("13m2s"), sim.reached(pod, TaskState.RUNNING).orElseThrow());
        assertTrue(sim.at("13m1s").newest("web.1").orElseThrow().error().isEmpty(), "the waiting reason is past");
    }

    @Test
    void anAbsentImageUnderNeverWaitsUntilAnotherPodBringsIt() {
        Sim sim = Sim.run("never", "scenario: never\nuntil: 1m\n" + CLUSTER + """
                services:
                  web: {image: "nginx:1.28", pull_policy: Never}
                  cache: {image: "nginx:1.28"}
                """);
        String web = sim.created("web.1").get(0).event().task();
        TaskWaiting never = sim.expect(TaskWaiting.class, 0, e -> e.task().equals(web), "web waits").event();
        assertEquals("ErrImageNeverPull", never.reason());
        assertEquals("Container image \"nginx:1.28\" is not present with pull policy of Never", never.message());
        // cache's pod pulls it by 1s; web's pod is synced again 10s after its failed sync.
        assertEquals(t("10s"), sim.reached(web, TaskState.READY).orElseThrow());
        assertEquals(t("11s"), sim.reached(web, TaskState.RUNNING).orElseThrow());
    }

    @Test
    void aLatestImageIsPulledAgainAtEveryRestartAndARegistryDownKeepsTheContainerFromStarting() {
        Sim sim = Sim.run("latest", "scenario: latest\nuntil: 2m\n" + CLUSTER + """
                services:
                  web: {image: nginx}
                  api: {image: "nginx:1.28"}
                timeline:
                  - {at: 20s, registry_down: hub}
                  - {at: 30s, kill_task: web.1}
                  - {at: 30s, kill_task: api.1}
                """);
        String web = sim.created("web.1").get(0).event().task();
        String api = sim.created("api.1").get(0).event().task();
        // A container's first exit restarts at once (CrashLoopBackOff); api's IfNotPresent image is there.
        assertEquals(List.of(), sim.all(ContainerBackOff.class, e -> true));
        assertEquals(2, sim.all(io.flotilla.sim.events.TaskStateChanged.class,
                e -> e.task().equals(api) && e.state() == TaskState.RUNNING).size(), "api runs again at once");
        TaskWaiting waiting = sim.expect(TaskWaiting.class, 0, e -> e.task().equals(web), "web waits").event();
        assertEquals("ErrImagePull", waiting.reason());
        assertEquals(0, sim.at("1m").running("web").size());
        assertEquals(1, sim.at("1m").running("api").size());
        assertEquals(TaskState.FAILED, sim.at("1m").newest("web.1").orElseThrow().state());
    }
}
