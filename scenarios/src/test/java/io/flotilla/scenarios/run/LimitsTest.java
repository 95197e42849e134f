package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.output.Stats;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ContainerOomKilled;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A task's limits held against what its image's application uses: memory past the limit is
 * OOM-killed (exit 137, moby's {@code State.OOMKilled}), then the restart policy decides; a CPU
 * limit below the need stretches the start (CFS quota); reservations only place. Tasks are
 * scheduled at 50ms and pulled by 1.05s.
 */
class LimitsTest {

    private static Sim swarm(String image, String resources, String timeline) {
        return Sim.run("limits", """
                scenario: limits
                until: 1m30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1, resources: {cpus: 4, memory: 8G}}
                images:
                  "app:1": {%s}
                services:
                  web:
                    image: "app:1"
                    deploy: {replicas: 1, resources: %s}
                timeline:
                %s""".formatted(image, resources, timeline));
    }

    record Throttle(String name, String image, String resources, String runningAt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Throttle> throttles() {
        return Stream.of(
                new Throttle("no limit: the image's 2s start", "start: 2s, cpu_use: 1", "{}", "3.05s"),
                new Throttle("half the CPU it needs: twice as long", "start: 2s, cpu_use: 1", "{limits: {cpus: \"0.5\"}}", "5.05s"),
                new Throttle("a quarter: four times", "start: 2s, cpu_use: 2", "{limits: {cpus: \"0.5\"}}", "9.05s"),
                new Throttle("a limit above the need changes nothing", "start: 2s, cpu_use: 1", "{limits: {cpus: 2}}", "3.05s"),
                new Throttle("a reservation never throttles", "start: 2s, cpu_use: 1", "{reservations: {cpus: \"0.5\"}}", "3.05s"),
                new Throttle("an application that declares no need is never throttled", "start: 2s",
                        "{limits: {cpus: \"0.1\"}}", "3.05s"),
                new Throttle("a third: rounded up to the nanosecond", "start: 1s, cpu_use: 1", "{limits: {cpus: \"0.3\"}}",
                        "4.383333334s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throttles")
    void aCpuLimitBelowTheNeedStretchesTheStart(Throttle c) {
        Sim sim = swarm(c.image(), c.resources(), "  []\n");
        String task = sim.created("web.1").get(0).event().task();
        assertEquals(t(c.runningAt()), sim.reached(task, TaskState.RUNNING).orElseThrow());
    }

    /** Memory past the limit at 30s of running time: killed then, and the restart policy puts a new task in the slot. */
    @Test
    void memoryPastTheLimitIsOomKilledAndTheRestartPolicyReplacesTheTask() {
        Sim sim = swarm("memory_use: [{after: 0s, use: 100M}, {after: 30s, use: 300M}]", "{limits: {memory: 256M}}", "  []\n");
        String first = sim.created("web.1").get(0).event().task();
        assertEquals(t("2.05s"), sim.reached(first, TaskState.RUNNING).orElseThrow());
        TaskStateChanged failed = sim.expect(TaskStateChanged.class, 0, e -> e.task().equals(first) && e.state() == TaskState.FAILED,
                "OOM-killed").event();
        assertEquals("task: non-zero exit (137): OOMKilled", failed.error());
        assertEquals(t("32.05s"), sim.reached(first, TaskState.FAILED).orElseThrow());
        Sim.At<ContainerOomKilled> oom = sim.expect(ContainerOomKilled.class, 0, e -> true, "oom");
        assertEquals(t("32.05s"), oom.time());
        List<Sim.At<TaskCreated>> slot = sim.created("web.1");
        assertEquals(t("32.05s"), slot.get(1).time());
        assertEquals(t("38.05s"), sim.reached(slot.get(1).event().task(), TaskState.RUNNING).orElseThrow(),
                "5s restart delay, 1s start");
        assertEquals(t("1m8.05s"), sim.reached(slot.get(1).event().task(), TaskState.FAILED).orElseThrow(), "and again");
    }

    @Test
    void memoryAtOrUnderTheLimitIsNeverKilled() {
        Sim sim = swarm("memory_use: 256M", "{limits: {memory: 256M}}", "  []\n");
        assertEquals(1, sim.created("web.1").size());
        assertEquals(List.of(), sim.all(ContainerOomKilled.class, e -> true));
    }

    @Test
    void withoutALimitNothingIsKilled() {
        Sim sim = swarm("memory_use: 64G", "{reservations: {memory: 1G}}", "  []\n");
        assertEquals(List.of(), sim.all(ContainerOomKilled.class, e -> true));
    }

    /** A paused container allocates nothing: 10s of pause puts the leak's kill 10s later. */
    @Test
    void aPauseHoldsTheLeakBack() {
        Sim sim = swarm("memory_use: [{after: 0s, use: 100M}, {after: 30s, use: 300M}]", "{limits: {memory: 256M}}",
                "  - {at: 10s, pause: web.1}\n  - {at: 20s, unpause: web.1}\n");
        String first = sim.created("web.1").get(0).event().task();
        assertEquals(t("42.05s"), sim.reached(first, TaskState.FAILED).orElseThrow());
    }

    /** What {@code stats} shows: the step the running time has reached, CPU capped at the limit, and the node's sums. */
    @Test
    void statsShowsTheUseOfEachContainerAndTheSumsOfItsNode() {
        Sim sim = swarm("start: 2s, cpu_use: 1, memory_use: [{after: 0s, use: 100M}, {after: 30s, use: 200M}]",
                "{reservations: {cpus: \"0.25\", memory: 128M}, limits: {cpus: \"0.5\", memory: 256M}}",
                "  - {at: 40s, pause: web.1}\n  - {at: 50s, unpause: web.1}\n");
        // running from 5.05s (a 4s start under half the CPU it needs)
        Stats early = Stats.of(sim.run, t("30s"));
        Stats.ContainerRow row = early.containers().get(0);
        assertEquals(List.of("web.1", "worker-1", "running"), List.of(row.name(), row.node(), row.state()));
        assertEquals(List.of(250_000_000L, 500_000_000L, 500_000_000L), List.of(row.cpuReserved(), row.cpuLimit(), row.cpuUsed()));
        assertEquals(List.of(128L << 20, 256L << 20, 100L << 20), List.of(row.memoryReserved(), row.memoryLimit(), row.memoryUsed()));
        assertEquals(200L << 20, Stats.of(sim.run, t("35.05s")).containers().get(0).memoryUsed(), "30s of running time");
        Stats.ContainerRow paused = Stats.of(sim.run, t("45s")).containers().get(0);
        assertEquals(List.of("paused", 0L), List.of(paused.state(), paused.cpuUsed()));
        Stats.NodeRow node = early.nodes().get(1);
        assertEquals(List.of("worker-1", 4_000_000_000L, 250_000_000L, 500_000_000L, 500_000_000L, 1),
                List.of(node.name(), node.cpus(), node.cpuReserved(), node.cpuLimits(), node.cpuUsed(), node.containers()));
        assertEquals(List.of(8L << 30, 128L << 20, 256L << 20, 100L << 20),
                List.of(node.memory(), node.memoryReserved(), node.memoryLimits(), node.memoryUsed()));
        assertEquals(List.of(), Stats.of(sim.run, t("3s")).containers().stream().filter(r -> r.memoryUsed() > 0).toList(),
                "starting: no memory yet");
    }
}
