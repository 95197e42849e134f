package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.FirewallChanged;
import io.flotilla.sim.events.TrafficCounted;
import java.util.List;
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

    /** The shoppers' requests sent in [from, to) that timed out. */
    private static long timeouts(Sim sim, String from, String to) {
        return sim.all(TrafficCounted.class, e -> e.from() >= t(from) && e.to() <= t(to)).stream()
                .mapToLong(a -> a.event().failed().getOrDefault("timeout", 0L)).sum();
    }
}
