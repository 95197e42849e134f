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
