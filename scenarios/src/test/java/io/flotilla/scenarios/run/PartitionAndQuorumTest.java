package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.MS;
import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.CommandRejected;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.NodeView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code partition} and {@code heal} timeline actions, and manager quorum: what the manager
 * believes of a node it cannot hear against what is really true there, and raft's majority rule
 * (swarmkit's {@code manager/state/raft}; docs: "losing quorum stops scheduling").
 */
class PartitionAndQuorumTest {

    @Test
    void workerCutOffByAPartitionIsMarkedDownWhileItsTasksReallyKeepRunningUntilHeal() {
        Sim sim = Sim.run("partition", """
                scenario: partition
                until: 3m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 3}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 3}}
                timeline:
                  - {at: 30s, partition: [[worker-1]]}
                  - {at: 1m30s, heal: all}
                """);
        String cutOff = CrashAndRestartTest.tasksOn(sim.at("29s"), "web", "worker-1").get(0);
        long down = sim.expect(NodeStatusChanged.class, 0,
                e -> e.node().equals("worker-1") && e.status() == NodeStatus.DOWN, "worker-1 marked down").time();
        assertTrue(down - t("30s") > 9 * S && down - t("30s") <= 16_500 * MS, "heartbeats stop at the partition");

        // The manager replaces the task it can no longer see, as for a crash...
        assertEquals(down, sim.desired(cutOff, TaskState.SHUTDOWN).orElseThrow());
        assertEquals(down, sim.created(cutOff.substring(0, cutOff.indexOf('#'))).get(1).time());
        // ...but the node is up and the task really runs on: for a while the service runs 4 tasks.
        ClusterView during = sim.at("1m20s");
        NodeView worker1 = during.node("worker-1").orElseThrow();
        assertTrue(worker1.isUp());
        assertEquals("down", worker1.believed());
        assertTrue(during.task(cutOff).orElseThrow().isRunning());
        assertEquals(TaskState.RUNNING, during.task(cutOff).orElseThrow().state());
        assertEquals(4, during.running("web").size());

        // Heal: the node's next heartbeat gets through, it is ready again and is told to stop the old task.
        long ready = sim.expect(NodeStatusChanged.class, t("1m30s"),
                e -> e.node().equals("worker-1") && e.status() == NodeStatus.READY, "worker-1 ready").time();
        assertTrue(ready - t("1m30s") <= 5_500 * MS);
        assertEquals(ready, sim.reached(cutOff, TaskState.SHUTDOWN).orElseThrow());
        assertEquals(3, sim.running("web", "3m"));
        assertEquals(4, sim.maxRunning("web", 0, t("3m")));
        assertEquals(3, sim.minRunning("web", t("10s"), t("3m")), "a partition costs no running task");
    }

    private static final String QUORUM = """
            scenario: quorum
            until: 4m
            nodes:
              - {name: manager, role: manager, count: 3, availability: drain}
              - {name: worker, count: 3}
            services:
              web: {image: "nginx:1.27", deploy: {replicas: 3}}
            timeline:
              - {at: 20s, crash: manager-2}
              - {at: 20s, crash: manager-3}
              - {at: 30s, crash: worker-1}
              - {at: 1m, scale: {web: 5}}
              - {at: 2m, restart: manager-2}
            """;

    /**
     * Quorum of 3 managers is 2: with two of them down nothing is marked down, replaced or scaled
     * (the operator gets swarmkit's no-leader error). Once a second manager is back, a leader is
     * elected after raft's election timeout (10 to 20 ticks of 1s); the new leader marks every node
     * unknown and gives it twice the grace (6 periods) before marking it down, and only then are
     * the dead worker's tasks replaced.
     */
    @Test
    void losingQuorumStopsReschedulingUntilALeaderIsElectedAgain() {
        Sim sim = Sim.run("quorum", QUORUM);
        Sim.At<LeaderChanged> lost = sim.expect(LeaderChanged.class, 0, e -> e.state().equals("quorum_lost"), "quorum lost");
        assertEquals(t("20s"), lost.time());
        assertEquals(1, lost.event().managersUp());

        CommandRejected rejected = sim.expect(CommandRejected.class, 0, e -> true, "scale rejected").event();
        assertEquals("scale web", rejected.command());
        assertTrue(rejected.error().startsWith("The swarm does not have a leader."), rejected.error());
        assertEquals(List.of(), sim.all(ServiceChanged.class, e -> e.change().equals("scale")), "never applied");

        Sim.At<LeaderChanged> elected = sim.expect(LeaderChanged.class, t("2m"),
                e -> e.state().equals("leader"), "leader elected");
        assertTrue(elected.time() >= t("2m10s") && elected.time() < t("2m20s"), "election timeout 10 to 20s");
        assertEquals(List.of(), sim.all(TaskCreated.class, e -> true).stream()
                .filter(c -> c.time() > 0 && c.time() < elected.time()).toList(), "nothing rescheduled without a leader");
        assertEquals(2, sim.running("web", "2m"));

        Sim.At<NodeStatusChanged> down = sim.expect(NodeStatusChanged.class, 0,
                e -> e.node().equals("worker-1") && e.status() == NodeStatus.DOWN, "worker-1 down");
        long unknownFor = down.time() - elected.time();
        assertTrue(unknownFor >= 27 * S && unknownFor <= 33 * S, "6 periods of 5s +- 500ms: " + unknownFor / MS + "ms");
        assertEquals("heartbeat failure for node in \"unknown\" state", down.event().message());
        long manager3Down = sim.expect(NodeStatusChanged.class, 0,
                e -> e.node().equals("manager-3") && e.status() == NodeStatus.DOWN, "manager-3 down").time();
        assertTrue(manager3Down != down.time(), "each node's grace is drawn on its own");
        List<Sim.At<TaskCreated>> replacements = sim.all(TaskCreated.class, e -> true).stream()
                .filter(c -> c.time() > 0).toList();
        assertEquals(1, replacements.size(), "worker-1's one task, and the rejected scale-up added none");
        assertEquals(down.time(), replacements.get(0).time());
        assertEquals(down.time() + 6 * S, sim.reached(replacements.get(0).event().task(), TaskState.RUNNING).orElseThrow(),
                "5s restart delay, 1s start");
        assertEquals(3, sim.running("web", "4m"));
    }

    /**
     * A worker that reboots while the managers have no leader cannot register; it keeps trying,
     * and once a leader is back the manager learns that the worker's tasks are gone and replaces
     * them (they do not stay "running" in the manager's books forever).
     */
    @Test
    void workerThatRebootsWithoutALeaderHasItsLostTasksReplacedOnceThereIsOne() {
        Sim sim = Sim.run("reboot-without-leader", """
                scenario: reboot-without-leader
                until: 4m
                nodes:
                  - {name: manager, role: manager, count: 3, availability: drain}
                  - {name: worker, count: 3}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 3}}
                timeline:
                  - {at: 20s, crash: manager-2}
                  - {at: 20s, crash: manager-3}
                  - {at: 30s, crash: worker-1}
                  - {at: 40s, restart: worker-1}
                  - {at: 1m, restart: manager-2}
                """);
        String lost = CrashAndRestartTest.tasksOn(sim.at("29s"), "web", "worker-1").get(0);
        long elected = sim.expect(LeaderChanged.class, t("1m"), e -> e.state().equals("leader"), "leader").time();
        long learnt = sim.expect(TaskObserved.class, 0,
                e -> e.task().equals(lost) && e.state() == TaskState.FAILED, "the manager learns the task is gone").time();
        assertTrue(learnt >= elected && learnt - elected <= 5_500 * MS, "at the worker's first registration that gets through");
        assertEquals(3, sim.running("web", "4m"));
        assertEquals(TaskState.FAILED, sim.at("4m").task(lost).orElseThrow().believed());
    }
}
