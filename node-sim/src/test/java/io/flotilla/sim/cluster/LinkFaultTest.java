package io.flotilla.sim.cluster;

import static io.flotilla.sim.cluster.SmallCluster.MS;
import static io.flotilla.sim.cluster.SmallCluster.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NetworkChanged;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A single link down and up again, at exact virtual times. The fabric stops delivering between
 * exactly the two hosts, both ways. With seed 7 worker-1 heartbeats at 3.9s, 8.9s, 13.9s...: cut
 * off from the leader at 30s, its last heartbeat through is the one of 28.9s, and three periods
 * later, at 43.9s, the manager marks it down; its link up again at 60s, its heartbeat of 63.9s is
 * the first to arrive.
 */
class LinkFaultTest {

    static final long SEED = 7;
    static final long DOWN_AT = 43_900 * MS;
    static final long BACK_AT = 63_900 * MS;

    static SmallCluster swarm(List<String> managers, UnaryOperator<SmallCluster> timeline) {
        SmallCluster c = new SmallCluster(ClusterSetup.Orchestrator.SWARM, managers, List.of("worker-1", "worker-2"), SEED);
        return timeline.apply(c.deploy(SmallCluster.workersOnly("web", 2))).runUntil(90 * S);
    }

    static Cluster.Network linkDown(String a, String b) {
        return new Cluster.Network(new Fabric.LinkDown(a, b));
    }

    static Cluster.Network linkUp(String a, String b) {
        return new Cluster.Network(new Fabric.LinkUp(a, b));
    }

    static long statusAt(SmallCluster c, String node, NodeStatus status) {
        return c.first(NodeStatusChanged.class, e -> e.node().equals(node) && e.status() == status);
    }

    @Test
    void aWorkerCutOffFromTheLeaderIsDownForTheManagerAndDeafToIt() {
        try (SmallCluster c = swarm(List.of("manager-1"), t -> t
                .at(30 * S, linkDown("worker-1", "manager-1"))
                .at(60 * S, linkUp("worker-1", "manager-1")))) {
            assertEquals(List.of(new SmallCluster.At<>(30 * S, new NetworkChanged("link_down", List.of(List.of("worker-1", "manager-1")))),
                    new SmallCluster.At<>(60 * S, new NetworkChanged("link_up", List.of(List.of("worker-1", "manager-1"))))),
                    c.all(NetworkChanged.class, e -> true));
            assertEquals(DOWN_AT, statusAt(c, "worker-1", NodeStatus.DOWN), "worker-1's heartbeats no longer arrive");

            // The manager stops worker-1's task when it marks the node down, but the order cannot reach it.
            String onWorker1 = c.all(TaskStateChanged.class, e -> "worker-1".equals(e.node()) && e.state() == TaskState.RUNNING)
                    .get(0).event().task();
            assertEquals(DOWN_AT, c.first(TaskDesired.class, e -> e.task().equals(onWorker1) && e.desired() == TaskState.SHUTDOWN));
            assertEquals(BACK_AT, c.first(TaskStateChanged.class, e -> e.task().equals(onWorker1) && e.state().isTerminal()),
                    "worker-1 hears of it with the answer to its first heartbeat after the link is up");
            assertEquals(BACK_AT, c.first(NodeStatusChanged.class, DOWN_AT,
                    e -> e.node().equals("worker-1") && e.status() == NodeStatus.READY));
        }
    }

    @Test
    void toTheManagerALinkCutIsACrash() {
        long cut;
        try (SmallCluster c = swarm(List.of("manager-1"), t -> t.at(30 * S, linkDown("manager-1", "worker-1")))) {
            cut = statusAt(c, "worker-1", NodeStatus.DOWN);
        }
        try (SmallCluster c = swarm(List.of("manager-1"), t -> t.at(30 * S, new Cluster.Crash("worker-1")))) {
            assertEquals(cut, statusAt(c, "worker-1", NodeStatus.DOWN));
        }
        assertEquals(DOWN_AT, cut);
    }

    @Test
    void aCutBetweenTwoWorkersChangesNothingTheManagerSees() {
        List<LoggedEvent> without;
        try (SmallCluster c = swarm(List.of("manager-1"), t -> t)) {
            without = c.sim.log().events();
        }
        try (SmallCluster c = swarm(List.of("manager-1"), t -> t
                .at(30 * S, linkDown("worker-1", "worker-2"))
                .at(60 * S, linkUp("worker-1", "worker-2")))) {
            List<String> with = c.sim.log().events().stream()
                    .filter(e -> !(e.event() instanceof NetworkChanged))
                    .map(e -> e.time() + " " + e.event())
                    .toList();
            assertEquals(without.stream().map(e -> e.time() + " " + e.event()).toList(), with);
        }
    }

    @Test
    void aLeaderCutOffFromEveryOtherManagerLosesItsMajority() {
        List<String> managers = List.of("manager-1", "manager-2", "manager-3");
        try (SmallCluster c = swarm(managers, t -> t
                .at(30 * S, linkDown("manager-1", "manager-2"))
                .at(40 * S, linkDown("manager-3", "manager-1"))
                .at(80 * S, linkUp("manager-1", "manager-2"))
                .at(80 * S, linkUp("manager-1", "manager-3")))) {
            List<SmallCluster.At<LeaderChanged>> changes = c.all(LeaderChanged.class, e -> true);
            assertEquals(List.of("leader manager-1", "election null", "leader manager-2"),
                    changes.stream().map(a -> a.event().state() + " " + a.event().leader()).toList(),
                    "one cut leaves manager-1 a majority (itself and manager-3), the second leaves it alone;"
                            + " the links up again change nothing for manager-2");
            assertEquals(40 * S, changes.get(1).time());
            assertEquals(52 * S, changes.get(2).time(), "raft's election timeout, 10 to 20 ticks of 1s: 12 with this seed");
        }
    }
}
