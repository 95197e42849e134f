package io.flotilla.sim.dataplane;

import static io.flotilla.sim.dataplane.Net.S;

import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void kubernetes() {
        try (Net n = Net.kubernetes("manager-1", "worker-1", "worker-2", "worker-3").overlay("frontend")
                .service(Net.Service.named("web").replicas(3).on("frontend").healthcheck(5 * S, S, 2, 0))
                .client("shoppers", "manager-1", "frontend", "web", 10, 5 * S, 30 * S, S)
                .health(10 * S, "web.1", false)
                .health(20 * S, "web.1", true)
                .run(30 * S)) {
            System.out.println(n.json());
        }
    }

    @Test
    void swarmHealth() {
        try (Net n = Net.swarm("manager-1", "worker-1", "worker-2", "worker-3").overlay("frontend")
                .service(Net.Service.named("web").replicas(3).on("frontend").healthcheck(5 * S, S, 2, 0))
                .client("shoppers", "manager-1", "frontend", "web", 10, 5 * S, 50 * S, S)
                .health(20 * S, "web.1", false)
                .run(50 * S)) {
            System.out.println(n.json());
        }
    }
}
