package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.MS;
import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.sim.events.NetworkChanged;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.view.ClusterView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code link_down} and {@code link_up} timeline actions in a run: the fabric stops delivering
 * between exactly the two nodes, so a worker whose link to the leading manager fails is marked down
 * after the missed heartbeats, as if partitioned away, while every other node stays ready.
 */
class LinkDownTest {

    @Test
    void aWorkerWhoseLinkToTheLeaderFailsIsMarkedDownAfterTheHeartbeatTimeoutAndReadyOnceItWorks() {
        Sim sim = Sim.run("link-down", """
                scenario: link-down
                until: 2m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 3}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 3}}
                timeline:
                  - {at: 30s, link_down: [manager-1, worker-1]}
                  - {at: 1m30s, link_up: [worker-1, manager-1]}
                """);
        assertEquals(List.of(List.of("manager-1", "worker-1")),
                sim.expect(NetworkChanged.class, t("30s"), e -> e.change().equals("link_down"), "the link goes down").event().groups());

        long down = sim.expect(NodeStatusChanged.class, 0,
                e -> e.node().equals("worker-1") && e.status() == NodeStatus.DOWN, "worker-1 marked down").time();
        assertTrue(down - t("30s") > 9 * S && down - t("30s") <= 16_500 * MS, "heartbeats stop at the link failure");
        assertTrue(sim.first(NodeStatusChanged.class, 0, e -> !e.node().equals("worker-1") && e.status() != NodeStatus.READY)
                .isEmpty(), "the other workers keep their links");

        ClusterView during = sim.at("1m20s");
        assertTrue(during.node("worker-1").orElseThrow().isUp(), "the node itself runs on");
        assertEquals("down", during.node("worker-1").orElseThrow().believed());

        long ready = sim.expect(NodeStatusChanged.class, t("1m30s"),
                e -> e.node().equals("worker-1") && e.status() == NodeStatus.READY, "worker-1 ready again").time();
        assertTrue(ready - t("1m30s") <= 5_500 * MS, "its next heartbeat gets through");
        assertEquals(3, sim.running("web", "2m"));
    }

    @Test
    void aLinkBetweenTwoWorkersCostsTheManagerNothing() {
        Sim sim = Sim.run("link-between-workers", """
                scenario: link-between-workers
                until: 1m30s
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 2}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 2}}
                timeline:
                  - {at: 10s, link_down: [worker-1, worker-2]}
                """);
        assertTrue(sim.first(NodeStatusChanged.class, 0, e -> e.status() != NodeStatus.READY).isEmpty());
        assertEquals(2, sim.minRunning("web", t("10s"), t("1m30s")));
    }
}
