package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.MS;
import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code crash} and {@code restart} timeline actions: what is true at the crash, when the
 * dispatcher notices (swarmkit's {@code manager/dispatcher}), and what the orchestrator and the
 * restart supervisor do then (swarmkit's {@code orchestrator/replicated}, {@code orchestrator/restart}).
 */
class CrashAndRestartTest {

    private static final String FAILOVER = """
            scenario: failover
            until: 3m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3}
            services:
              web:
                image: nginx:1.27
                deploy: {replicas: 6, restart_policy: {condition: any, delay: 5s}}
            timeline:
              - {at: 30s, crash: worker-2}
              - {at: 2m, restart: worker-2}
            """;

    /** Swarmkit's dispatcher: period 5s drawn within +-500ms, down after 3 periods of silence. */
    private static final long MAX_PERIOD = 5_500 * MS;

    @Test
    void crashedNodesTasksStopAtOnceWhileTheManagerStillBelievesTheyRun() {
        Sim sim = Sim.run("failover", FAILOVER);
        ClusterView before = sim.at(t("30s") - 1);
        List<String> onWorker2 = tasksOn(before, "web", "worker-2");
        assertEquals(2, onWorker2.size(), "6 replicas over 3 workers: 2 on worker-2");

        ClusterView atCrash = sim.at("30s");
        assertEquals(4, atCrash.running("web").size());
        assertEquals("down", atCrash.node("worker-2").orElseThrow().state());
        assertEquals("ready", atCrash.node("worker-2").orElseThrow().believed());
        for (String id : onWorker2) {
            TaskView task = atCrash.task(id).orElseThrow();
            assertEquals(TaskState.FAILED, task.state(), id + " died with its node");
            assertEquals(TaskState.RUNNING, task.believed(), "the manager has heard nothing yet about " + id);
        }
    }

    /**
     * Port of swarmkit {@code dispatcher_test.go TestHeartbeatTimeout} (a node that stops
     * heartbeating is marked DOWN) with the timing of {@code nodes.go}: the node is down
     * 3 x its period after its last heartbeat, so more than 2 and at most 3 periods after the crash.
     */
    @Test
    void crashedNodeIsMarkedDownWithinThreeHeartbeatPeriods() {
        Sim sim = Sim.run("failover", FAILOVER);
        long down = sim.expect(NodeStatusChanged.class, 0,
                e -> e.node().equals("worker-2") && e.status() == NodeStatus.DOWN, "worker-2 marked down").time();
        long silence = down - t("30s");
        assertTrue(silence > 2 * 4_500 * MS && silence <= 3 * MAX_PERIOD, "down " + silence / MS + "ms after the crash");
        assertEquals("heartbeat failure", sim.expect(NodeStatusChanged.class, down,
                e -> e.node().equals("worker-2"), "status").event().message());
        // No other node is ever marked down.
        assertEquals(List.of(), sim.all(NodeStatusChanged.class,
                e -> !e.node().equals("worker-2") && e.status() == NodeStatus.DOWN));
    }

    /**
     * Port of swarmkit {@code restart_test.go TestOrchestratorRestartDelay}, for a node failure
     * (swarmkit's {@code Restart()}): the moment the node is down, its tasks are shut down and each
     * slot gets a new task, held at READY; it is told to run after the restart delay (5s) and
     * not before, with no wait for the dead task.
     */
    @Test
    void replacementsAreCreatedWhenTheNodeIsDownAndStartAfterTheRestartDelay() {
        Sim sim = Sim.run("failover", FAILOVER);
        List<String> lost = tasksOn(sim.at(t("30s") - 1), "web", "worker-2");
        long down = sim.expect(NodeStatusChanged.class, 0,
                e -> e.node().equals("worker-2") && e.status() == NodeStatus.DOWN, "worker-2 marked down").time();

        assertEquals(List.of(), sim.all(TaskCreated.class, e -> true).stream()
                .filter(c -> c.time() > 0 && c.time() < down).toList(), "nothing is replaced before the node is down");
        for (String old : lost) {
            assertEquals(down, sim.desired(old, TaskState.SHUTDOWN).orElseThrow(), old + " shut down when down");
            String slot = old.substring(0, old.indexOf('#'));
            List<Sim.At<TaskCreated>> created = sim.created(slot);
            assertEquals(2, created.size(), slot + " gets exactly one replacement");
            Sim.At<TaskCreated> replacement = created.get(1);
            assertEquals(down, replacement.time(), slot + " replaced at once");
            assertEquals(TaskState.READY, replacement.event().desired(), "held until the restart delay is over");
            String id = replacement.event().task();
            assertEquals(down + 5 * S, sim.desired(id, TaskState.RUNNING).orElseThrow(), id + " told to run");
            assertFalse(sim.reached(id, TaskState.STARTING).orElseThrow() < down + 5 * S, id + " started early");
            // The image is already on the surviving workers: one second from start to running.
            assertEquals(down + 6 * S, sim.reached(id, TaskState.RUNNING).orElseThrow());
        }
        assertEquals(6, sim.at(down + 6 * S).running("web").size());
        assertEquals(4, sim.minRunning("web", t("30s"), down + 6 * S - 1));
        assertEquals(Map.of("worker-1", 3, "worker-3", 3), sim.at("1m30s").runningPerNode("web"));
    }

    /** A restarted node is empty and ready; swarmkit never moves running tasks back to it. */
    @Test
    void restartedNodeRejoinsEmptyAndNothingMovesBack() {
        Sim sim = Sim.run("failover", FAILOVER);
        long ready = sim.expect(NodeStatusChanged.class, t("2m"),
                e -> e.node().equals("worker-2") && e.status() == NodeStatus.READY, "worker-2 ready again").time();
        assertTrue(ready - t("2m") <= MAX_PERIOD, "it registers as it boots");
        ClusterView end = sim.at("3m");
        assertEquals("ready", end.node("worker-2").orElseThrow().state());
        assertEquals(Map.of("worker-1", 3, "worker-3", 3), end.runningPerNode("web"));
        // The tasks that died with the node are now known to be failed.
        for (String old : tasksOn(sim.at(t("30s") - 1), "web", "worker-2")) {
            assertEquals(TaskState.FAILED, end.task(old).orElseThrow().believed());
        }
    }

    /**
     * A node that reboots before the dispatcher has marked it down registers again: the manager
     * learns at once that its tasks are gone and restarts them (swarmkit's session restart), and
     * the node is never marked down.
     */
    @Test
    void nodeThatRebootsBeforeItIsMarkedDownHasItsTasksRestartedAtRegistration() {
        Sim sim = Sim.run("quick-reboot", """
                scenario: quick-reboot
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 2}}
                timeline:
                  - {at: 20s, crash: worker-1}
                  - {at: 25s, restart: worker-1}
                """);
        String lost = tasksOn(sim.at("19s"), "web", "worker-1").get(0);
        assertEquals(List.of(), sim.all(NodeStatusChanged.class, e -> e.status() == NodeStatus.DOWN));
        assertEquals(t("25s"), sim.desired(lost, TaskState.SHUTDOWN).orElseThrow());
        String slot = lost.substring(0, lost.indexOf('#'));
        Sim.At<TaskCreated> replacement = sim.created(slot).get(1);
        assertEquals(t("25s"), replacement.time());
        assertEquals(t("30s"), sim.desired(replacement.event().task(), TaskState.RUNNING).orElseThrow());
        assertEquals(2, sim.running("web", "1m"));
    }

    /**
     * Found by chaos ({@code scenarios/chaos/regressions/swarm-ready-task-restarts-after-failing.yaml}).
     * The only manager's node crashes while two replacements it placed on itself wait at {@code
     * ready} for their restart delay; it boots at 2m49.8s with no leader to answer its registration
     * until 3m5.8s. The new leader moves them to {@code -> running} at once, but a node with no
     * session hears no changed assignments (swarmkit's dispatcher serves {@code Assignments} only on
     * an open session): the registration that opens it, at 3m9.801s, reports them lost, and new
     * tasks take their slots. Before, the empty node started them under the same ids.
     */
    @Test
    void tasksWaitingAtReadyOnACrashedNodeAreLostWhenItBootsNotStartedAgain() {
        Sim sim = Sim.run("ready-on-crashed-node", """
                scenario: ready-on-crashed-node
                seed: 401558837
                until: 5m14.5s
                nodes:
                  - {name: manager-1, role: manager, resources: {cpus: 2, memory: 4GiB}, labels: {zone: a}}
                  - {name: worker-b, count: 1, resources: {cpus: 2, memory: 4GiB}, labels: {zone: b}}
                networks:
                  backend: {driver: overlay}
                services:
                  web:
                    image: nginx:1.27
                    networks: [backend]
                    deploy: {replicas: 4, resources: {reservations: {cpus: '0.5', memory: 1GiB}}}
                strategy: swarm
                timeline:
                  - {at: 1m23.8s, crash: worker-b-1}
                  - {at: 1m36.2s, crash: manager-1}
                  - {at: 2m49.8s, zone_up: a}
                """);
        for (String slot : List.of("web.2", "web.4")) {
            String waiting = sim.created(slot).get(1).event().task();
            assertEquals(t("1m35.765s"), sim.reached(waiting, TaskState.READY).orElseThrow(), waiting);
            assertEquals(t("1m36.2s"), sim.reached(waiting, TaskState.FAILED).orElseThrow(), waiting + " died with its node");
            assertEquals(List.of(t("1m36.2s")),
                    sim.all(TaskStateChanged.class, e -> e.task().equals(waiting)).stream()
                            .map(Sim.At::time).filter(time -> time >= t("1m36.2s")).toList(),
                    waiting + " is never started again");
            assertEquals(t("3m5.8s"), sim.desired(waiting, TaskState.RUNNING).orElseThrow(), "the new leader lets it start");
            Sim.At<TaskObserved> lost = sim.expect(TaskObserved.class, t("3m5.8s"),
                    e -> e.task().equals(waiting) && e.state() == TaskState.FAILED, waiting + " reported lost");
            assertEquals(t("3m9.801s"), lost.time(), "at the registration the new leader answers");
            assertEquals("task lost when its node restarted", lost.event().message());
            Sim.At<TaskCreated> replacement = sim.created(slot).get(2);
            assertEquals(t("3m9.801s"), replacement.time());
            assertTrue(sim.reached(replacement.event().task(), TaskState.RUNNING).isPresent(), slot + " runs again");
        }
    }

    /**
     * {@code swarm.heartbeat_epsilon} is the scenario's to set: with 0 every period is exactly
     * {@code heartbeat_period}, so each crashed node is down more than 2 and at most 3 periods after
     * its crash. With swarmkit's 500ms epsilon on a 1s period, the silence could reach 4.5s.
     */
    @Test
    void heartbeatEpsilonFromTheScenarioIsUsed() {
        Sim sim = Sim.run("exact-heartbeats", """
                scenario: exact-heartbeats
                until: 1m
                swarm: {heartbeat_period: 1s, heartbeat_epsilon: 0s, missed_heartbeats: 3}
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 12}
                timeline:
                  - {at: 30s, crash: worker-1}
                  - {at: 30s, crash: worker-2}
                  - {at: 30s, crash: worker-3}
                  - {at: 30s, crash: worker-4}
                  - {at: 30s, crash: worker-5}
                  - {at: 30s, crash: worker-6}
                  - {at: 30s, crash: worker-7}
                  - {at: 30s, crash: worker-8}
                  - {at: 30s, crash: worker-9}
                  - {at: 30s, crash: worker-10}
                  - {at: 30s, crash: worker-11}
                  - {at: 30s, crash: worker-12}
                """);
        Map<String, Long> silence = new TreeMap<>();
        sim.all(NodeStatusChanged.class, e -> e.status() == NodeStatus.DOWN)
                .forEach(d -> silence.put(d.event().node(), d.time() - t("30s")));
        assertEquals(12, silence.size());
        silence.forEach((node, ns) -> assertTrue(ns > 2 * S && ns <= 3 * S, node + " down after " + ns / MS + "ms"));
    }

    /** The ids of the service's tasks really running on the node. */
    static List<String> tasksOn(ClusterView view, String service, String node) {
        return view.running(service).stream()
                .filter(task -> task.node().orElse("").equals(node))
                .map(task -> task.id)
                .collect(Collectors.toList());
    }
}
