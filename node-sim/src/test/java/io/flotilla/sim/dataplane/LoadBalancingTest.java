package io.flotilla.sim.dataplane;

import static io.flotilla.sim.dataplane.Net.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.sim.events.TrafficCounted;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How each strategy spreads connections: Swarm's IPVS round robin on the client's node sends
 * exactly every third connection to each of three tasks (fact 3); kube-proxy picks uniformly at
 * random per connection, so the shares only tend to a third (binomial: for 3,000 connections the
 * standard deviation of a pod's count is sqrt(3000 * 1/3 * 2/3), about 25.8).
 */
class LoadBalancingTest {

    static Map<String, Long> servedBy(Net n, String client) {
        Map<String, Long> out = new TreeMap<>();
        for (TrafficCounted w : n.windows(client)) {
            w.servedBy().forEach((task, count) -> out.merge(task, count, Long::sum));
        }
        return out;
    }

    @Test
    void ipvsRoundRobinIsExactlyEvenInEveryWindow() {
        try (Net n = Net.swarm("manager-1", "worker-1", "worker-2", "worker-3").overlay("frontend")
                .service(Net.Service.named("web").replicas(3).on("frontend"))
                .client("rr", "manager-1", "frontend", "web", 30, 5 * S, 15 * S, S)
                .run(16 * S)) {
            assertEquals(Map.of(n.task("web.1", 1), 100L, n.task("web.2", 1), 100L, n.task("web.3", 1), 100L), servedBy(n, "rr"));
            for (TrafficCounted w : n.windows("rr")) {
                assertEquals(30, w.sent());
                assertEquals(Map.of(n.task("web.1", 1), 10L, n.task("web.2", 1), 10L, n.task("web.3", 1), 10L), w.servedBy());
            }
        }
    }

    @Test
    void kubeProxyPicksAtRandomWithinTheBinomialBound() {
        try (Net n = Net.kubernetes("manager-1", "worker-1", "worker-2", "worker-3").overlay("frontend")
                .service(Net.Service.named("web").replicas(3).on("frontend"))
                .client("random", "manager-1", "frontend", "web", 100, 5 * S, 35 * S, S)
                .run(36 * S)) {
            Map<String, Long> shares = servedBy(n, "random");
            assertEquals(3, shares.size());
            assertEquals(3000, shares.values().stream().mapToLong(Long::longValue).sum());
            for (long count : shares.values()) {
                assertTrue(Math.abs(count - 1000) <= 4 * 26, "within four standard deviations: " + shares);
            }
            assertEquals(Map.of(n.task("web.1", 1), 997L, n.task("web.2", 1), 988L, n.task("web.3", 1), 1015L), shares,
                    "this seed's draws");
        }
    }
}
