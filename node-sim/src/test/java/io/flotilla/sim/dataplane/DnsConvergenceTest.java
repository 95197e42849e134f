package io.flotilla.sim.dataplane;

import static io.flotilla.sim.dataplane.Net.MS;
import static io.flotilla.sim.dataplane.Net.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.sim.events.DnsAnswersChanged;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every node answers from its own view (fact 2): when worker-2 crashes, each survivor drops its task
 * from {@code tasks.web} when its own memberlist declares worker-2 dead, at its own moment; the
 * service's VIP answer does not change. The replacement enters every view at the bulk sync of its
 * node's join.
 */
class DnsConvergenceTest {

    static Net crashOfWorker2() {
        return Net.swarm("manager-1", "worker-1", "worker-2", "worker-3").overlay("frontend")
                .service(Net.Service.named("web").replicas(3).on("frontend"))
                .client("probe", "manager-1", "frontend", "web", 1, 5 * S, 90 * S, S)
                .crash(20 * S, "worker-2")
                .run(60 * S);
    }

    @Test
    void eachNodeDropsTheDeadTaskWhenItsOwnGossipDeclaresItsNodeDead() {
        try (Net n = crashOfWorker2()) {
            String dead = n.task("web.2", 1);
            Map<String, Long> dropped = new TreeMap<>();
            for (String node : List.of("manager-1", "worker-1", "worker-3")) {
                assertEquals(List.of(n.task("web.1", 1), dead, n.task("web.3", 1)), n.dns(node, "frontend", "tasks.web", 19 * S));
                dropped.put(node, n.all(DnsAnswersChanged.class, e -> e.node().equals(node) && e.name().equals("tasks.web")
                        && !e.tasks().contains(dead)).stream().filter(a -> a.time() >= 20 * S).findFirst().orElseThrow().time());
                assertEquals(List.of("10.0.1.2"), n.dns(node, "frontend", "web", 40 * S), "the VIP stays while any backend is in the view");
            }
            assertEquals(Map.of("manager-1", 26_567_138_448L, "worker-1", 26_584_806_529L, "worker-3", 26_584_806_529L), dropped);
            long first = dropped.values().stream().min(Long::compare).orElseThrow();
            assertNotEquals(n.dns("manager-1", "frontend", "tasks.web", first), n.dns("worker-1", "frontend", "tasks.web", first),
                    "while gossip converges, manager-1 no longer answers web.2's address and worker-1 still does");
            assertEquals(List.of(), n.dns("worker-2", "frontend", "tasks.web", 20 * S), "a crashed node has no container to ask");
        }
    }

    /**
     * moby#53141 and its fix (moby#53142): worker-9, the only node running {@code api}, is cut off for
     * 10s, long enough for gossip (5 to 8s in a ten-node cluster) but not for the manager (three missed
     * heartbeats, 13.5s at least), so the task keeps running. Today's NetworkDB suspends the failed
     * node's entries and restores them when it is back; Docker up to v29 deleted them, and worker-1
     * answers NXDOMAIN for {@code api} until the task changes.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(io.flotilla.sim.dataplane.DataPlaneSettings.FailedPeerEntries.class)
    void aShortPartitionLosesTheServiceForGoodOnlyWhenFailedPeersEntriesAreDeleted(
            io.flotilla.sim.dataplane.DataPlaneSettings.FailedPeerEntries mode) {
        List<String> nodes = new java.util.ArrayList<>(List.of("manager-1"));
        for (int i = 1; i <= 9; i++) {
            nodes.add("worker-" + i);
        }
        List<String> rest = nodes.subList(0, 9);
        try (Net n = Net.swarm(nodes.toArray(String[]::new)).overlay("frontend")
                .settings(new io.flotilla.sim.dataplane.DataPlaneSettings(mode, java.util.Optional.empty()))
                .service(Net.Service.named("api").on("frontend").constrained("node.hostname == worker-9"))
                .client("c", "worker-1", "frontend", "api", 10, 5 * S, 60 * S, S)
                .partition(20 * S, List.of(List.of("worker-9"), rest))
                .heal(30 * S)
                .run(60 * S)) {
            assertEquals(1, n.all(io.flotilla.sim.events.TaskCreated.class).size(), "the manager never marked worker-9 down");
            assertEquals(List.of(), n.dns("worker-1", "frontend", "api", 29 * S), "the VIP record goes with the last backend");
            boolean suspend = mode == io.flotilla.sim.dataplane.DataPlaneSettings.FailedPeerEntries.SUSPEND;
            assertEquals(suspend ? List.of("10.0.1.2") : List.of(), n.dns("worker-1", "frontend", "api", 59 * S));
            assertEquals(suspend ? Map.of("sent", 200L, "served", 200L) : Map.of("sent", 200L, "served", 0L, "nxdomain", 200L),
                    n.totals("c", 40 * S, 60 * S));
        }
    }

    @Test
    void theReplacementEntersEveryViewAtTheBulkSyncOfItsNodesJoin() {
        try (Net n = crashOfWorker2()) {
            String replacement = n.task("web.2", 2);
            long running = n.all(io.flotilla.sim.events.TaskStateChanged.class,
                    e -> e.task().equals(replacement) && e.state() == io.flotilla.scheduler.model.TaskState.RUNNING).get(0).time();
            for (String node : List.of("manager-1", "worker-1", "worker-3")) {
                long seen = n.all(DnsAnswersChanged.class, e -> e.node().equals(node) && e.tasks().contains(replacement)).get(0).time();
                assertTrue(seen >= running && seen <= running + 500 * MS, node + " learnt it at " + seen);
            }
            assertEquals(3, n.dns("manager-1", "frontend", "tasks.web", 59 * S).size());
        }
    }
}
