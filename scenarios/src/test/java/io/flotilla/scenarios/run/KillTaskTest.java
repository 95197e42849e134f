package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code kill_task} timeline action and the restart policy that answers it, ported from
 * swarmkit's {@code manager/orchestrator/replicated/restart_test.go}: the container exits with an
 * error, the task fails, and its slot gets a new task (held at READY) that is told to run after
 * the restart delay, or no new task, as {@code condition}, {@code max_attempts} and
 * {@code window} say.
 */
class KillTaskTest {

    private static Sim run(String restartPolicy, String timeline) {
        return Sim.run("kill", """
                scenario: kill
                until: 1m30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  web:
                    image: nginx:1.27
                    deploy:
                      replicas: 2
                      restart_policy: %s
                timeline:
                %s""".formatted(restartPolicy, timeline));
    }

    /** Port of {@code TestOrchestratorRestartOnAny} and {@code TestOrchestratorRestartDelay}. */
    @Test
    void killedTaskFailsAndItsSlotGetsANewTaskThatRunsAfterTheDelay() {
        Sim sim = run("{condition: any, delay: 5s}", "  - {at: 20s, kill_task: web.1}\n");
        String killed = sim.created("web.1").get(0).event().task();
        TaskStateChanged failed = sim.expect(TaskStateChanged.class, 0,
                e -> e.task().equals(killed) && e.state() == TaskState.FAILED, "web.1 failed").event();
        assertEquals("task: non-zero exit (137)", failed.error());
        assertEquals(t("20s"), sim.reached(killed, TaskState.FAILED).orElseThrow());
        assertEquals(t("20s"), sim.desired(killed, TaskState.SHUTDOWN).orElseThrow());

        List<Sim.At<TaskCreated>> slot1 = sim.created("web.1");
        assertEquals(2, slot1.size());
        TaskCreated replacement = slot1.get(1).event();
        assertEquals(t("20s"), slot1.get(1).time());
        assertEquals(1, replacement.slot());
        assertEquals(TaskState.READY, replacement.desired());
        assertEquals(t("25s"), sim.desired(replacement.task(), TaskState.RUNNING).orElseThrow());
        assertEquals(t("26s"), sim.reached(replacement.task(), TaskState.RUNNING).orElseThrow());
        assertEquals(1, sim.running("web", "25s"));
        assertEquals(2, sim.running("web", "26s"));
        assertEquals(1, sim.created("web.2").size(), "the other slot is left alone");
    }

    /** Port of {@code TestOrchestratorRestartOnFailure}: a non-zero exit is a failure. */
    @Test
    void onFailureRestartsAKilledTask() {
        Sim sim = run("{condition: on-failure, delay: 0s}", "  - {at: 20s, kill_task: web.2}\n");
        List<Sim.At<TaskCreated>> slot2 = sim.created("web.2");
        assertEquals(2, slot2.size());
        assertEquals(t("20s"), sim.desired(slot2.get(1).event().task(), TaskState.RUNNING).orElseThrow(), "no delay");
        assertEquals(2, sim.running("web", "1m"));
    }

    /** Port of {@code TestOrchestratorRestartOnNone}: the task is shut down and its slot stays empty. */
    @Test
    void conditionNoneLeavesTheSlotEmpty() {
        Sim sim = run("{condition: none}", "  - {at: 20s, kill_task: web.1}\n");
        String killed = sim.created("web.1").get(0).event().task();
        assertEquals(t("20s"), sim.desired(killed, TaskState.SHUTDOWN).orElseThrow());
        assertEquals(1, sim.created("web.1").size());
        assertEquals(1, sim.running("web", "1m30s"));
    }

    /** Port of {@code TestOrchestratorRestartMaxAttempts}: the attempts are counted per slot. */
    @Test
    void maxAttemptsLimitsTheRestartsOfEachSlot() {
        Sim sim = run("{condition: any, delay: 1s, max_attempts: 1}", """
                  - {at: 20s, kill_task: web.1}
                  - {at: 20s, kill_task: web.2}
                  - {at: 40s, kill_task: web.1}
                """);
        assertEquals(2, sim.created("web.1").size(), "one restart, then no more");
        assertEquals(2, sim.created("web.2").size());
        assertEquals(2, sim.running("web", "30s"));
        assertEquals(1, sim.running("web", "1m30s"));
    }

    /**
     * Port of {@code TestOrchestratorRestartWindow}: with a window, only the restarts inside it
     * count against {@code max_attempts}; once the window has passed, the slot restarts again.
     */
    @Test
    void windowCountsOnlyTheRecentRestarts() {
        Sim sim = run("{condition: any, delay: 1s, max_attempts: 1, window: 10s}", """
                  - {at: 20s, kill_task: web.1}
                  - {at: 20s, kill_task: web.2}
                  - {at: 25s, kill_task: web.1}
                  - {at: 40s, kill_task: web.2}
                """);
        assertEquals(2, sim.created("web.1").size(), "killed again 5s after its restart: not restarted");
        List<Sim.At<TaskCreated>> slot2 = sim.created("web.2");
        assertEquals(3, slot2.size(), "its last restart is 20s old, outside the 10s window");
        assertEquals(t("40s"), slot2.get(2).time());
        assertEquals(t("41s"), sim.desired(slot2.get(2).event().task(), TaskState.RUNNING).orElseThrow());
        assertEquals(1, sim.running("web", "1m30s"));
    }

    /** Killing a task whose name is not running (yet, or any more) does nothing. */
    @Test
    void killingATaskThatDoesNotRunChangesNothing() {
        Sim sim = run("{condition: any, delay: 5s}", "  - {at: 20s, kill_task: web.7}\n");
        assertEquals(List.of(), sim.all(TaskStateChanged.class, e -> e.state() == TaskState.FAILED));
        assertTrue(sim.all(TaskCreated.class, e -> true).stream().allMatch(c -> c.time() == 0));
        assertEquals(2, sim.minRunning("web", 3 * S, t("1m30s")));
    }
}
