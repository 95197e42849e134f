package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskUnplaced;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code drain}, {@code pause} and {@code activate} timeline actions for replicated
 * services, ported from swarmkit's {@code manager/orchestrator/replicated/drain_test.go} and the
 * restart supervisor's drain rule ({@code orchestrator/restart/restart.go}: no restart delay on a
 * drained node).
 */
class AvailabilityTest {

    private static Sim run(String restartPolicy, String timeline) {
        return Sim.run("availability", """
                scenario: availability
                until: 2m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 3}
                services:
                  web:
                    image: nginx:1.27
                    deploy: {replicas: 6, restart_policy: %s}
                timeline:
                %s""".formatted(restartPolicy, timeline));
    }

    /**
     * Drain shuts the node's tasks down at once and puts a new task in each slot elsewhere; the
     * restart delay is skipped for a drained node, so the new tasks are told to run as soon as the
     * old ones have stopped.
     */
    @Test
    void drainMovesTheTasksAwayAtOnceWithoutTheRestartDelay() {
        Sim sim = run("{condition: any, delay: 5s}", "  - {at: 30s, drain: worker-1}\n");
        assertEquals(Availability.DRAIN, sim.expect(NodeAvailabilityChanged.class, 0,
                e -> e.node().equals("worker-1"), "availability").event().availability());
        List<String> moved = CrashAndRestartTest.tasksOn(sim.at("29s"), "web", "worker-1");
        assertEquals(2, moved.size());
        for (String old : moved) {
            assertEquals(t("30s"), sim.desired(old, TaskState.SHUTDOWN).orElseThrow());
            assertEquals(t("30s"), sim.reached(old, TaskState.SHUTDOWN).orElseThrow(), "the node stops it when told");
            Sim.At<TaskCreated> replacement = sim.created(old.substring(0, old.indexOf('#'))).get(1);
            assertEquals(t("30s"), replacement.time());
            assertEquals(t("30s"), sim.desired(replacement.event().task(), TaskState.RUNNING).orElseThrow(),
                    "no 5s restart delay on a drain");
        }
        assertEquals(Map.of("worker-2", 3, "worker-3", 3), sim.at("40s").runningPerNode("web"));
        assertEquals(4, sim.minRunning("web", t("30s"), t("40s")));
    }

    /**
     * Draining a node the manager cannot reach: its task cannot be told to stop, so the new
     * task waits for it, and stops waiting the moment the node is marked down (swarmkit's
     * {@code DelayStart} watches the old task's node), not after the one-minute task timeout.
     */
    @Test
    void drainOfAnUnreachableNodeStartsTheNewTaskWhenTheNodeIsMarkedDown() {
        Sim sim = run("{condition: any, delay: 5s}", """
                  - {at: 30s, partition: [[worker-1]]}
                  - {at: 31s, drain: worker-1}
                """);
        List<String> cutOff = CrashAndRestartTest.tasksOn(sim.at("29s"), "web", "worker-1");
        long down = sim.expect(NodeStatusChanged.class, 0,
                e -> e.node().equals("worker-1") && e.status() == NodeStatus.DOWN, "worker-1 down").time();
        for (String old : cutOff) {
            String replacement = sim.created(old.substring(0, old.indexOf('#'))).get(1).event().task();
            assertEquals(down, sim.desired(replacement, TaskState.RUNNING).orElseThrow());
            assertTrue(sim.at(down).task(old).orElseThrow().isRunning(), "the old task really runs on, cut off");
        }
        assertTrue(down < t("31s") + 60 * S);
    }

    /**
     * Port of {@code TestDrain} (restart condition none): the tasks of a drained node are shut
     * down and, with nothing to restart them, not replaced; the tasks of a paused node are left
     * alone.
     */
    @Test
    void drainWithRestartConditionNoneShutsTasksDownAndPauseLeavesThemAlone() {
        Sim sim = run("{condition: none}", """
                  - {at: 30s, pause: worker-2}
                  - {at: 30s, drain: worker-1}
                """);
        List<String> drained = CrashAndRestartTest.tasksOn(sim.at("29s"), "web", "worker-1");
        for (String old : drained) {
            assertEquals(t("30s"), sim.desired(old, TaskState.SHUTDOWN).orElseThrow());
        }
        assertTrue(sim.all(TaskCreated.class, e -> true).stream().allMatch(c -> c.time() == 0), "no replacement");
        assertEquals(Map.of("worker-2", 2, "worker-3", 2), sim.at("2m").runningPerNode("web"));
        for (String kept : CrashAndRestartTest.tasksOn(sim.at("29s"), "web", "worker-2")) {
            assertEquals(List.of(), sim.all(TaskDesired.class, e -> e.task().equals(kept)), kept + " untouched by pause");
        }
    }

    /**
     * A paused node keeps its tasks but takes no new ones; with every node paused or drained,
     * new tasks stay pending with swarmkit's words. Activate makes the node eligible again, and
     * the next tasks go to it first (fewest tasks of the service), but nothing running moves.
     */
    @Test
    void pauseTakesNoNewTasksAndActivateMakesTheNodeEligibleAgain() {
        Sim sim = run("{condition: any, delay: 5s}", """
                  - {at: 20s, pause: worker-1}
                  - {at: 30s, scale: {web: 9}}
                  - {at: 40s, pause: worker-2}
                  - {at: 40s, pause: worker-3}
                  - {at: 50s, scale: {web: 10}}
                  - {at: 1m, activate: worker-1}
                """);
        assertEquals(Map.of("worker-1", 2, "worker-2", 4, "worker-3", 3), sim.at("45s").runningPerNode("web"));
        TaskUnplaced unplaced = sim.expect(TaskUnplaced.class, t("50s"), e -> true, "web.10 unplaced").event();
        assertEquals("no suitable node (4 nodes not available for new tasks)", unplaced.error());
        assertEquals(1, sim.at("55s").pending("web").size());
        // Activated at 1m: the pending task is placed there at the next scheduler pass.
        assertEquals(Map.of("worker-1", 3, "worker-2", 4, "worker-3", 3), sim.at("1m30s").runningPerNode("web"));
        String web10 = sim.created("web.10").get(0).event().task();
        assertEquals("worker-1", sim.at("1m30s").task(web10).orElseThrow().node().orElseThrow());
        assertTrue(sim.reached(web10, TaskState.ASSIGNED).orElseThrow() - t("1m") <= S);
        assertEquals(1, sim.created("web.1").size(), "nothing was moved by pause or activate");
    }
}
