package io.flotilla.sim.dataplane;

import static io.flotilla.sim.dataplane.Net.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.Fabric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the underlay does to requests. One client sends 30 requests a second through the VIP of
 * {@code web}, whose three tasks run on worker-1, worker-2 and worker-3.
 */
class ReachabilityTest {

    static Net web(Net cluster, String client) {
        return cluster.overlay("frontend")
                .service(Net.Service.named("web").replicas(3).on("frontend"))
                .client("c", client, "frontend", "web", 30, 5 * S, 120 * S, S);
    }

    /** Per second from {@code from} to {@code to}: the failures by reason. */
    static List<Map<String, Long>> seconds(Net n, long from, long to) {
        List<Map<String, Long>> out = new java.util.ArrayList<>();
        for (long t = from; t < to; t += S) {
            Map<String, Long> second = new java.util.TreeMap<>(n.totals("c", t, t + S));
            second.remove("sent");
            second.remove("served");
            out.add(second);
        }
        return out;
    }

    /**
     * worker-1 and worker-2 cannot talk, but each reaches the manager and worker-3: memberlist's
     * indirect probes go through them, so neither is ever suspected, worker-1's IPVS keeps worker-2's
     * task, and every third connection from worker-1 times out for as long as the cut lasts. (A cut
     * between a worker and the manager would be a crash to the manager, which would replace the task.)
     */
    @Test
    void aLinkCutThatGossipRoutesAroundIsNeverDetected() {
        try (Net n = web(Net.swarm("manager-1", "worker-1", "worker-2", "worker-3"), "worker-1")
                .linkDown(20 * S, "worker-1", "worker-2")
                .at(50 * S, new Cluster.Network(new Fabric.LinkUp("worker-1", "worker-2")))
                .run(60 * S)) {
            for (Map<String, Long> second : seconds(n, 20 * S, 50 * S)) {
                assertEquals(Map.of("timeout", 10L), second, "every third connection, for as long as the cut lasts");
            }
            assertEquals(Map.of("sent", 300L, "served", 300L), n.totals("c", 50 * S, 60 * S));
        }
    }

    /**
     * Two against two: manager-1's IPVS sends two connections in three to the other side until its
     * memberlist declares worker-2 and worker-3 dead, 14 to 15s later (four nodes: one confirmation
     * shortens the suspicion to about 11.4s); afterwards only worker-1's task and the replacements the
     * manager starts on its side serve, and at the heal the old copies are drained before they stop.
     */
    @Test
    void aPartitionBlackHolesTheOtherSideUntilGossipDeclaresItDead() {
        try (Net n = web(Net.swarm("manager-1", "worker-1", "worker-2", "worker-3"), "manager-1")
                .partition(20 * S, List.of(List.of("manager-1", "worker-1"), List.of("worker-2", "worker-3")))
                .heal(60 * S)
                .run(90 * S)) {
            List<Map<String, Long>> seconds = seconds(n, 20 * S, 90 * S);
            for (int s = 0; s < 14; s++) {
                assertEquals(Map.of("timeout", 20L), seconds.get(s));
            }
            assertEquals(Map.of("timeout", 14L), seconds.get(14));
            for (int s = 15; s < seconds.size(); s++) {
                assertEquals(Map.of(), seconds.get(s), "nothing fails after detection, through the heal");
            }
        }
    }

    /**
     * Kubernetes keeps worker-3's pod a ready endpoint until the node lifecycle controller marks the
     * node Unknown, about 50s after its last status (fact 9), and kube-proxy drops it a sync later:
     * about a third of the connections, chosen at random, time out for 51 seconds.
     */
    @Test
    void kubernetesBlackHolesAPartitionedNodesPodsUntilItIsNotReady() {
        try (Net n = web(Net.kubernetes("manager-1", "worker-1", "worker-2", "worker-3"), "manager-1")
                .partition(20 * S, List.of(List.of("manager-1", "worker-1", "worker-2"), List.of("worker-3")))
                .run(90 * S)) {
            assertEquals(Map.of("sent", 1530L, "served", 1031L, "timeout", 499L), n.totals("c", 20 * S, 71 * S));
            assertEquals(Map.of("sent", 570L, "served", 570L), n.totals("c", 71 * S, 90 * S));
        }
    }
}
