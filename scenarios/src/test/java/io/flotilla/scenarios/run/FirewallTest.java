package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.FirewallChanged;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TrafficCounted;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code firewall} action in a run: what it drops is what the run's strategy sends on that
 * port, and a rule nothing of the strategy sends on is logged as ignored, with the reason.
 */
class FirewallTest {

    private static final String SCENARIO = """
            scenario: firewall
            strategy: %s
            until: 1m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            networks: {front: {}}
            services:
              web: {image: "nginx:1.27", networks: [front], deploy: {replicas: 2, placement: {max_replicas_per_node: 1}}}
            traffic:
              - {name: shoppers, from: manager-1, network: front, to: web, rate: 10/s, start: 10s}
            timeline:
              - {at: 20s, firewall: {node: worker-2, drop: [4789/udp, 8472/udp]}}
              - {at: 40s, firewall: {node: worker-2, accept: [4789/udp, 8472/udp]}}
            """;

    @Test
    void underSwarmTheOverlaysPortIsDroppedAndFlannelsIsIgnored() {
        Sim sim = Sim.run("firewall-swarm", SCENARIO.formatted("swarm"));
        assertEquals(List.of("4789/udp"), sim.expect(FirewallChanged.class, t("20s"), e -> e.action().equals("drop"), "drop")
                .event().rules());
        assertEquals("drop 8472/udp: nothing of Swarm listens on 8472/udp: its overlay networks' VXLAN uses 4789/udp",
                sim.expect(ActionIgnored.class, t("20s"), e -> e.action().equals("firewall"), "ignored").event().reason());
        assertEquals(100, timeouts(sim, "20s", "40s"), "round robin over two tasks: every other request goes to worker-2");
        assertEquals(0, timeouts(sim, "40s", "1m"));
    }

    @Test
    void underKubernetesThePodNetworksPortIsDroppedAndSwarmsIsIgnored() {
        Sim sim = Sim.run("firewall-kubernetes", SCENARIO.formatted("kubernetes"));
        assertEquals(List.of("8472/udp"), sim.expect(FirewallChanged.class, t("20s"), e -> e.action().equals("drop"), "drop")
                .event().rules());
        assertEquals("drop 4789/udp: nothing listens on 4789/udp: the pod network is flannel's VXLAN, on 8472/udp",
                sim.expect(ActionIgnored.class, t("20s"), e -> e.action().equals("firewall"), "ignored").event().reason());
        long dropped = timeouts(sim, "20s", "40s");
        assertTrue(dropped > 70 && dropped < 130, "kube-proxy's random pick sends about half to worker-2: " + dropped);
        assertEquals(0, timeouts(sim, "40s", "1m"));
    }

    private static final String CONTROL = """
            scenario: firewall-control
            strategy: %s
            until: 2m
            nodes:
              - {name: manager, role: manager, count: %d, availability: drain}
              - {name: worker, count: 2}
            networks: {front: {}}
            services:
              web: {image: "nginx:1.27", networks: [front], deploy: {replicas: 2, placement: {max_replicas_per_node: 1}}}
            traffic:
              - {name: shoppers, from: manager-1, network: front, to: web, rate: 10/s, start: 10s}
            timeline:
              - {at: 30s, firewall: {node: worker-1, drop: [%s]}}
              - {at: 30s, firewall: {node: manager-1, drop: [%s]}}
            """;

    @Test
    void theLeadersControlPortDroppedCutsEveryWorkersSessionWhileTheirContainersServeOn() {
        Sim sim = Sim.run("firewall-control", CONTROL.formatted("swarm", 1, "2377/tcp", "2377/tcp"));
        assertEquals("drop 2377/tcp: worker-1 is no manager, and nothing listens on 2377/tcp there",
                sim.expect(ActionIgnored.class, t("30s"), e -> e.action().equals("firewall"), "ignored").event().reason());
        for (String worker : List.of("worker-1", "worker-2")) {
            long down = sim.expect(NodeStatusChanged.class, t("30s"),
                    e -> e.node().equals(worker) && e.status() == NodeStatus.DOWN, worker + " down").time();
            assertTrue(down - t("30s") > 9 * Sim.S && down - t("30s") <= 16_500 * Sim.MS, worker + "'s heartbeats stop arriving");
        }
        assertEquals(0, timeouts(sim, "30s", "2m"), "the workers' containers run on, and gossip keeps them in the balancer");
    }

    @Test
    void theSessionsComeBackWhenTheControlPortIsLetIn() {
        Sim sim = Sim.run("firewall-control-back", CONTROL.formatted("swarm", 1, "4789/udp", "2377/tcp")
                + "  - {at: 1m, firewall: {node: manager-1, accept: [2377/tcp]}}\n");
        long ready = sim.expect(NodeStatusChanged.class, t("1m"),
                e -> e.node().equals("worker-1") && e.status() == NodeStatus.READY, "worker-1 ready again").time();
        assertTrue(ready - t("1m") <= 5_500 * Sim.MS, "its next heartbeat gets through: " + ready);
    }

    @Test
    void raftBetweenManagersGoesThroughTheControlPortToo() {
        Sim sim = Sim.run("firewall-raft", CONTROL.formatted("swarm", 3, "4789/udp", "2377/tcp"));
        assertEquals("manager-2", sim.expect(LeaderChanged.class, t("30s"), e -> e.state().equals("leader"), "a new leader")
                .event().leader());
    }

    @Test
    void underKubernetesOneApiServerCountsTheFirstControlPlaneNodes() {
        Sim sim = Sim.run("firewall-apiserver-ha", CONTROL.formatted("kubernetes", 3, "4789/udp", "6443/tcp")
                .replace("node: manager-1, drop: [6443/tcp]", "node: manager-2, drop: [6443/tcp]"));
        assertEquals("drop 6443/tcp: manager-2 runs no API server: the kubelets and kube-proxies reach manager-1's",
                sim.expect(ActionIgnored.class, t("30s"), e -> e.target().equals("manager-2"), "ignored").event().reason());
        assertTrue(sim.first(NodeStatusChanged.class, t("30s"), e -> e.status() != NodeStatus.READY).isEmpty());
    }

    /** compare-control-plane-firewall.yaml's Kubernetes side: the API server's node empties the Service, the workers' kube-proxies keep theirs. */
    @Test
    void underKubernetesOnlyTheApiServersNodeSeesTheEndpointsGo() {
        Sim sim = Sim.of(ScenarioRunner.run(ExamplesTest.load(Path.of("examples/compare-control-plane-firewall.yaml")),
                new RunOptions(Optional.of(Strategy.KUBERNETES), OptionalLong.empty(), Set.of())));
        assertEquals(0, failed(sim, "on-manager", "30s", "1m20s"));
        assertEquals(300, failed(sim, "on-manager", "1m30s", "2m"), "refused: the Service has no ready endpoint");
        assertEquals(0, failed(sim, "on-worker", "30s", "2m"), "its kube-proxy cannot watch the API server, and keeps its rules");
        assertTrue(failed(sim, "on-worker", "2m", "2m20s") > 0, "it resyncs while the pods are still not ready");
        assertEquals(0, failed(sim, "on-manager", "2m20s", "3m") + failed(sim, "on-worker", "2m20s", "3m"));
    }

    @Test
    void underKubernetesTheApiServersPortIsTheControlPort() {
        Sim sim = Sim.run("firewall-apiserver", CONTROL.formatted("kubernetes", 1, "4789/udp", "6443/tcp"));
        long unknown = sim.expect(NodeStatusChanged.class, t("30s"),
                e -> e.node().equals("worker-1") && e.status() == NodeStatus.UNKNOWN, "worker-1 not posting").time();
        assertTrue(unknown - t("30s") >= 40 * Sim.S, "the node monitor's grace period runs first");
    }

    @Test
    void aNodeThatDropsGossipLeavesTheOthersViewsAndTheyLeaveItsOwnLater() {
        Sim sim = Sim.run("firewall-gossip", SCENARIO.formatted("swarm").replace("[4789/udp, 8472/udp]", "[7946/tcp, 7946/udp]"));
        long othersForget = sim.expect(DnsAnswersChanged.class, t("20s"), e -> e.node().equals("manager-1")
                && e.name().equals("tasks.web") && e.tasks().size() == 1, "manager-1 forgets worker-2's task").time();
        assertTrue(othersForget - t("20s") < 8 * Sim.S, "the others' probes confirm each other's suspicion: " + othersForget);
        assertEquals(List.of("web.1#1"), sim.expect(DnsAnswersChanged.class, t("20s"),
                e -> e.node().equals("manager-1") && e.name().equals("tasks.web"), "manager-1's answer").event().tasks());
        assertEquals(0, timeouts(sim, "10s", "1m"), "the overlay still carries every request to a task that is listed");
        assertTrue(sim.first(NodeStatusChanged.class, t("20s"), e -> e.status() != NodeStatus.READY).isEmpty(),
                "the managers hear every heartbeat");
        long back = sim.expect(DnsAnswersChanged.class, t("40s"), e -> e.node().equals("manager-1")
                && e.name().equals("tasks.web") && e.tasks().size() == 2, "manager-1 learns web.2 again").time();
        assertTrue(back - t("40s") < 2 * Sim.S, "a push/pull or a broadcast brings it back once gossip passes: " + back);
    }

    /** The client's requests sent in [from, to) that failed, for any reason. */
    private static long failed(Sim sim, String client, String from, String to) {
        return sim.all(TrafficCounted.class, e -> e.client().equals(client) && e.from() >= t(from) && e.to() <= t(to)).stream()
                .mapToLong(a -> a.event().sent() - a.event().served()).sum();
    }

    /** The shoppers' requests sent in [from, to) that timed out. */
    private static long timeouts(Sim sim, String from, String to) {
        return sim.all(TrafficCounted.class, e -> e.from() >= t(from) && e.to() <= t(to)).stream()
                .mapToLong(a -> a.event().failed().getOrDefault("timeout", 0L)).sum();
    }
}
