package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Global services through the timeline ({@code deploy}, {@code drain}, {@code pause},
 * {@code activate}, {@code crash}, {@code restart}, {@code kill_task}), ported from swarmkit's
 * {@code manager/orchestrator/global/global_test.go}: one task per eligible node, preassigned,
 * confirmed by the scheduler on its node; none on a drained node; a new one when a node is
 * usable again; never moved to another node.
 */
class GlobalServiceTest {

    private static String scenario(String timeline) {
        return """
                scenario: global
                until: 2m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 3}
                services:
                  agent:
                    image: agent:1
                    deploy: {mode: global, placement: {constraints: ["node.role == worker"]}}
                  once:
                    image: agent:1
                    deploy: {mode: global, restart_policy: {condition: none}, placement: {constraints: ["node.role == worker"]}}
                timeline:
                """ + timeline;
    }

    /** Port of {@code TestAddService} and {@code TestSetup}: a task per node that meets the constraints, and only there. */
    @Test
    void deployedGlobalServiceGetsOneConfirmedTaskOnEveryEligibleNode() {
        Sim sim = Sim.run("deploy-global", """
                scenario: deploy-global
                until: 1m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 3}
                timeline:
                  - at: 30s
                    deploy:
                      services:
                        agent: {image: "agent:1", deploy: {mode: global, placement: {constraints: ["node.role == worker"]}}}
                """);
        List<Sim.At<TaskCreated>> created = sim.all(TaskCreated.class, e -> e.service().equals("agent"));
        assertEquals(List.of("agent.worker-1", "agent.worker-2", "agent.worker-3"),
                created.stream().map(c -> c.event().name()).toList());
        for (Sim.At<TaskCreated> c : created) {
            assertEquals(t("30s"), c.time());
            String node = c.event().name().substring("agent.".length());
            assertEquals(node, c.event().node(), "a global task is preassigned to its node");
            Sim.At<TaskStateChanged> assigned = sim.expect(TaskStateChanged.class, 0,
                    e -> e.task().equals(c.event().task()) && e.state() == TaskState.ASSIGNED, "assigned");
            assertEquals("scheduler confirmed task can run on preassigned node", assigned.event().message());
        }
        assertEquals(Map.of("worker-1", 1, "worker-2", 1, "worker-3", 1), sim.at("1m").runningPerNode("agent"));
    }

    /** Port of {@code TestNodeAvailability} (first half): drain shuts the task down, activate brings a new one. */
    @Test
    void drainedNodeLosesItsTaskAndGetsANewOneWhenActiveAgain() {
        Sim sim = Sim.run("global-drain", scenario("""
                  - {at: 20s, drain: worker-1}
                  - {at: 40s, activate: worker-1}
                """));
        String first = sim.created("agent.worker-1").get(0).event().task();
        assertEquals(t("20s"), sim.desired(first, TaskState.SHUTDOWN).orElseThrow());
        assertEquals(2, sim.running("agent", "30s"));
        assertEquals(0, sim.at("30s").runningPerNode("agent").getOrDefault("worker-1", 0));
        List<Sim.At<TaskCreated>> onWorker1 = sim.created("agent.worker-1");
        assertEquals(2, onWorker1.size(), "one new task, and only when the node is active again");
        assertEquals(t("40s"), onWorker1.get(1).time());
        assertEquals(3, sim.running("agent", "1m"));
        // The other nodes' tasks were never touched.
        assertEquals(1, sim.created("agent.worker-2").size());
    }

    /**
     * Port of {@code TestNodeAvailability} (second half, swarmkit's global {@code tickTasks}): a
     * task that fails on a paused node is shut down and not restarted, while the node is paused.
     */
    @Test
    void taskThatFailsOnAPausedNodeIsNotRestartedUntilTheNodeIsActive() {
        Sim sim = Sim.run("global-pause", scenario("""
                  - {at: 20s, pause: worker-2}
                  - {at: 25s, kill_task: agent.worker-2}
                  - {at: 50s, activate: worker-2}
                """));
        String first = sim.created("agent.worker-2").get(0).event().task();
        assertTrue(sim.at("24s").task(first).orElseThrow().isRunning(), "pause keeps the task running");
        assertEquals(t("25s"), sim.desired(first, TaskState.SHUTDOWN).orElseThrow());
        List<Sim.At<TaskCreated>> onWorker2 = sim.created("agent.worker-2");
        assertEquals(2, onWorker2.size());
        assertEquals(t("50s"), onWorker2.get(1).time(), "nothing new while paused");
        assertEquals(3, sim.running("agent", "1m"));
    }

    /**
     * Port of {@code TestNodeState}: when its node is down the task is shut down and nothing
     * replaces it elsewhere; when the node is ready again it gets a new task, which the scheduler
     * confirms before the node runs it.
     */
    @Test
    void downNodeLosesItsTaskAndTheRebootedNodeGetsANewOne() {
        Sim sim = Sim.run("global-down", scenario("""
                  - {at: 20s, crash: worker-3}
                  - {at: 1m, restart: worker-3}
                """));
        long down = sim.expect(NodeStatusChanged.class, 0,
                e -> e.node().equals("worker-3") && e.status() == NodeStatus.DOWN, "worker-3 down").time();
        String first = sim.created("agent.worker-3").get(0).event().task();
        assertEquals(down, sim.desired(first, TaskState.SHUTDOWN).orElseThrow());
        assertEquals(List.of(), sim.all(TaskCreated.class, e -> e.service().equals("agent")).stream()
                .filter(c -> c.time() > 0 && c.time() < t("1m")).toList(), "a global task never moves");
        List<Sim.At<TaskCreated>> onWorker3 = sim.created("agent.worker-3");
        assertEquals(2, onWorker3.size());
        assertEquals(t("1m"), onWorker3.get(1).time());
        assertEquals(3, sim.running("agent", "1m30s"));
        assertEquals(List.of(), sim.acceptedWithoutAssignment());
    }

    /**
     * Port of {@code TestTaskFailure}: a failed global task is restarted on its own node after the
     * restart delay (also when its node rebooted before the manager marked it down); with
     * {@code condition: none} it is not.
     */
    @Test
    void failedTaskIsRestartedOnItsNodeUnlessTheRestartPolicySaysNone() {
        Sim sim = Sim.run("global-failure", scenario("""
                  - {at: 20s, kill_task: agent.worker-1}
                  - {at: 20s, kill_task: once.worker-1}
                  - {at: 40s, crash: worker-2}
                  - {at: 45s, restart: worker-2}
                """));
        for (String node : List.of("worker-1", "worker-2")) {
            long failedAt = node.equals("worker-1") ? t("20s") : t("45s");
            List<Sim.At<TaskCreated>> created = sim.created("agent." + node);
            assertEquals(2, created.size(), node);
            Sim.At<TaskCreated> replacement = created.get(1);
            assertEquals(failedAt, replacement.time(), node);
            assertEquals(node, replacement.event().node());
            assertEquals(TaskState.READY, replacement.event().desired());
            assertEquals(failedAt + 5 * S, sim.desired(replacement.event().task(), TaskState.RUNNING).orElseThrow());
        }
        // condition none: neither the killed task nor the one lost in the reboot is restarted.
        assertEquals(1, sim.created("once.worker-1").size());
        assertEquals(1, sim.created("once.worker-2").size());
        assertEquals(Map.of("worker-3", 1), sim.at("2m").runningPerNode("once"));
        assertEquals(3, sim.running("agent", "2m"));
        assertEquals(List.of(), sim.acceptedWithoutAssignment(),
                "a node runs only tasks the scheduler confirmed, also right after it registers");
    }
}
