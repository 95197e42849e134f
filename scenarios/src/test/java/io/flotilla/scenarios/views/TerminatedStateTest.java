package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A container's terminated state in {@code kubectl describe pod} carries the exit the run recorded,
 * with containerd's reason: {@code Completed} for 0, {@code OOMKilled} for the kernel's kill,
 * {@code Error} for any other code.
 *
 * <p>Pods run from 1.5s: leak's container passes its memory limit 20s after it starts (killed at
 * 21.5s and restarted at once, killed again at 42.5s and restarted after a 10s back-off, running at
 * 53.5s); web.1 is stopped at 30s (its application exits 0 at SIGTERM); web.2 is removed at 30s
 * (SIGKILL, 137).
 */
class TerminatedStateTest {

    static final String EXITS = """
            scenario: exits
            strategy: kubernetes
            until: 1m
            images:
              "shop/web:1": {size: 50MB, start: 1s}
              "shop/leak:1": {size: 50MB, start: 1s, memory_use: [{after: 0s, use: 100M}, {after: 20s, use: 300M}]}
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            services:
              web: {image: "shop/web:1", deploy: {replicas: 2}}
              leak: {image: "shop/leak:1", deploy: {resources: {limits: {memory: 200M}}}}
            timeline:
              - {at: 30s, stop: web.1}
              - {at: 30s, remove: web.2}
            """;

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(EXITS);
    }

    private static TaskRecord pod(RunMoment m, String slot) {
        return m.tasks().stream().filter(t -> t.name().equals(slot)).reduce((a, b) -> b).orElseThrow();
    }

    /** The Last State block of the slot's pod at 35s: its reason and exit code. */
    private static List<String> lastState(String slot) {
        RunMoment m = Runs.at(run, "35s");
        return PodDescription.render(m, pod(m, slot)).lines().dropWhile(l -> !l.contains("Last State:")).skip(1).limit(2)
                .map(String::strip).toList();
    }

    @Test
    void aZeroExitIsCompleted() {
        assertEquals(List.of("Reason:       Completed", "Exit Code:    0"), lastState("web.1"));
    }

    @Test
    void aKillIsAnError() {
        assertEquals(List.of("Reason:       Error", "Exit Code:    137"), lastState("web.2"));
    }

    @Test
    void theKernelsKillIsOomKilled() {
        assertEquals(List.of("Reason:       OOMKilled", "Exit Code:    137"), lastState("leak.1"));
    }

    /** kubectl's RESTARTS counts its "ago" from the last termination's finish (42.5s), not from the restart after the back-off. */
    @Test
    void restartsAgoCountsFromTheLastTerminationsFinish() {
        RunMoment m = Runs.at(run, "1m");
        String name = KubernetesApi.name(m, pod(m, "leak.1"));
        String row = PodTable.render(m, false).lines().filter(l -> l.startsWith(name)).findFirst().orElseThrow();
        assertEquals(List.of(name, "1/1", "Running", "2", "(17s", "ago)", "60s"), List.of(row.split("\\s+")));
    }
}
