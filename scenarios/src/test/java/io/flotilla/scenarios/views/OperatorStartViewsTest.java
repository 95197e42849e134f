package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pod's container started again by an operator ({@code docker start}, {@code docker restart}) is
 * the same container, not one the kubelet made: upstream's restart count is the annotation the
 * kubelet writes on each container it creates ({@code kuberuntime_container.go startContainer}:
 * {@code restartCount = containerStatus.RestartCount + 1}; {@code toKubeContainerStatus} reads it
 * back from {@code io.kubernetes.container.restartCount}), and the kubelet records {@code Pulled},
 * {@code Created} and {@code Started} only there. So RESTARTS counts the kubelet's restarts alone,
 * and a start by hand adds no event. A removed container is replaced by the kubelet, which counts it
 * ({@code calcRestartCountByLogDir} finds the old container's log).
 *
 * <p>Pods run from 1.5s (a 500ms pull, a 1s start): web.1 is stopped at 30s (the kubelet restarts it
 * at once), stopped again at 50s (back-off) and started by hand at 52s; web.2 is restarted by hand
 * at 1m20s; web.3 removed at 1m50s.
 */
class OperatorStartViewsTest {

    static final String LIFECYCLE = """
            scenario: operator-start
            strategy: kubernetes
            until: 2m30s
            images:
              "shop/web:1": {size: 50MB, start: 1s}
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3}
            services:
              web: {image: "shop/web:1", deploy: {replicas: 3}}
            timeline:
              - {at: 30s, stop: web.1}
              - {at: 50s, stop: web.1}
              - {at: 52s, start: web.1}
              - {at: 1m20s, restart: web.2}
              - {at: 1m50s, remove: web.3}
            """;

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(LIFECYCLE);
    }

    record Restarts(String name, String at, String slot, int restarts, String status) {}

    static final List<Restarts> CASES = List.of(
            new Restarts("the kubelet's restart after the stop is counted", "40s", "web.1", 1, "Running"),
            new Restarts("waiting out the back-off after a zero exit is CrashLoopBackOff", "51s", "web.1", 1, "CrashLoopBackOff"),
            new Restarts("the start by hand is the same container: not counted", "1m", "web.1", 1, "Running"),
            new Restarts("a restart by hand is not counted either", "1m30s", "web.2", 0, "Running"),
            new Restarts("while it starts again, the pod is Running, as after a restart", "1m20.5s", "web.2", 0, "Running"),
            new Restarts("a removed container is replaced by the kubelet, which counts it", "2m", "web.3", 1, "Running"));

    @Test
    void restartsCountsOnlyTheContainersTheKubeletMade() {
        for (Restarts c : CASES) {
            RunMoment m = Runs.at(run, c.at());
            TaskRecord pod = m.tasks().stream().filter(t -> t.name().equals(c.slot())).reduce((a, b) -> b).orElseThrow();
            assertEquals(c.restarts(), pod.restarts(), c.name());
            assertEquals(c.status(), KubernetesApi.status(m, pod), c.name());
        }
    }

    /** The pod of a container waiting out its back-off stays Running (restartPolicy Always); its container waits. */
    @Test
    void aBackOffAfterAZeroExitWaits() {
        RunMoment m = Runs.at(run, "51s");
        TaskRecord pod = m.tasks().stream().filter(t -> t.name().equals("web.1")).reduce((a, b) -> b).orElseThrow();
        List<String> lines = PodDescription.render(m, pod).lines().map(String::strip).toList();
        assertTrue(lines.contains("Status:           Running"), String.join("\n", lines));
        assertEquals(List.of("State:          Waiting", "Reason:       CrashLoopBackOff", "Last State:     Terminated",
                "Reason:       Completed"), lines.subList(lines.indexOf("State:          Waiting"), lines.indexOf("State:          Waiting") + 4));
    }

    @Test
    void aStartByHandRecordsNoKubeletEvent() {
        RunMoment m = Runs.at(run, "2m30s");
        TaskRecord pod = m.tasks().stream().filter(t -> t.name().equals("web.2")).reduce((a, b) -> b).orElseThrow();
        String text = PodDescription.render(m, pod);
        assertEquals(List.of("Scheduled", "Pulling", "Pulled", "Created", "Started"),
                text.lines().dropWhile(l -> !l.startsWith("Events:")).skip(3)
                        .map(l -> l.trim().split("\\s+")[1]).toList());
    }
}
