package io.flotilla.sim.dataplane;

import static io.flotilla.sim.dataplane.Net.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flotilla.sim.cluster.Cluster;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The same scenario and seed give the same log, byte for byte, with traffic, gossip and health checks on. */
class DeterminismTest {

    static final LongFunction<Net> SWARM = seed -> Net.swarm("manager-1", "worker-1", "worker-2", "worker-3", "worker-4")
            .seed(seed).overlay("frontend").overlay("backend")
            .settings(new DataPlaneSettings(DataPlaneSettings.FailedPeerEntries.SUSPEND,
                    Optional.of(new DataPlaneSettings.RequestProbe("shoppers", 21 * S))))
            .service(Net.Service.named("web").replicas(4).on("frontend", "backend").publish(8080, 80)
                    .healthcheck(2 * S, S, 2, 0))
            .service(Net.Service.named("db").replicas(2).on("backend").dnsrr())
            .client("shoppers", "manager-1", "frontend", "web", 50, 2 * S, 60 * S, S)
            .client("tasks", "worker-1", "backend", "tasks.db", 20, 2 * S, 60 * S, S)
            .client("outside", null, null, "worker-3:8080", 20, 2 * S, 60 * S, S)
            .crash(20 * S, "worker-2")
            .health(25 * S, "web.1", false)
            .at(30 * S, new Cluster.KillTask("db.1"))
            .partition(35 * S, List.of(List.of("manager-1", "worker-1", "worker-3"), List.of("worker-4")))
            .heal(45 * S);

    static final LongFunction<Net> KUBERNETES = seed -> Net.kubernetes("manager-1", "worker-1", "worker-2", "worker-3")
            .seed(seed).overlay("frontend")
            .service(Net.Service.named("web").replicas(4).on("frontend").publish(8080, 80).healthcheck(2 * S, S, 2, 0))
            .client("shoppers", "manager-1", "frontend", "web", 50, 2 * S, 60 * S, S)
            .client("outside", null, null, "worker-3:8080", 20, 2 * S, 60 * S, S)
            .crash(20 * S, "worker-2")
            .health(25 * S, "web.1", false);

    static String log(LongFunction<Net> scenario, long seed) {
        try (Net n = scenario.apply(seed).run(70 * S)) {
            return n.json();
        }
    }

    @Test
    void swarmTwiceWithOneSeedIsOneLog() {
        String first = log(SWARM, 7);
        assertEquals(first, log(SWARM, 7));
        assertNotEquals(first, log(SWARM, 8), "another seed draws other gossip phases and other picks");
    }

    @Test
    void kubernetesTwiceWithOneSeedIsOneLog() {
        String first = log(KUBERNETES, 7);
        assertEquals(first, log(KUBERNETES, 7));
        assertNotEquals(first, log(KUBERNETES, 8));
    }
}
