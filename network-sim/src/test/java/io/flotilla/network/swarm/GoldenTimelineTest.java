package io.flotilla.network.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.network.driver.NetworkSpec;
import io.flotilla.network.driver.Networks;
import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.gossip.GossipCluster;
import io.flotilla.network.gossip.GossipConfig;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.request.TrafficLedger;
import io.flotilla.network.swarm.SwarmDataPlane.EndpointMode;
import io.flotilla.network.swarm.SwarmDataPlane.ServiceDecl;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network reference's golden timeline, end to end through gossip, views, IPVS and the router:
 * 3 nodes, {@code web} with 3 replicas behind a VIP (web.1 on manager-1, web.2 on worker-2, web.3 on
 * worker-1), a client on manager-1 opening 10 connections a second, worker-2 crashing. Until gossip
 * declares worker-2 failed (N = 3: a 4 s suspicion, so 5 to 7 s), manager-1's round robin sends exactly
 * every third connection to web.2, which times out; then none fail.
 */
class GoldenTimelineTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long CRASH = 20 * S;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void workerCrashBlackHolesEveryThirdConnectionUntilGossipDeclaresItFailed(long seed) {
        List<String> hosts = List.of("manager-1", "worker-1", "worker-2");
        Topology topology = new Topology(hosts);
        Backends backends = new Backends();
        Networks networks = new Networks(List.of(NetworkSpec.overlay("frontend")));
        SwarmDataPlane plane = new SwarmDataPlane(topology, networks, backends, Randomness.seeded(seed));
        GossipCluster gossip = new GossipCluster(GossipConfig.defaults(), topology, Randomness.seeded(seed), plane::apply);
        SwarmRouter router = new SwarmRouter(plane, topology, backends, 0);
        plane.declareService(new ServiceDecl("web", EndpointMode.VIP, List.of("frontend"), List.of()));
        gossip.start(0, hosts);
        String[] placement = {"manager-1", "worker-2", "worker-1"};
        for (int slot = 1; slot <= 3; slot++) {
            String task = "web." + slot;
            gossip.publish(0, placement[slot - 1], task,
                    Endpoint.vip("frontend", task, "web", "10.0.1." + (2 + slot), "10.0.1.2"));
            backends.setServing(backends.id(task).orElseThrow(), true);
        }

        SwarmRouter.Route route = router.route("manager-1", Optional.of("frontend"), Target.parse("web"));
        TrafficLedger ledger = new TrafficLedger();
        Outcome out = new Outcome();
        List<Long> failures = new ArrayList<>();
        List<Integer> failedIndex = new ArrayList<>();
        int sent = 0;
        for (long t = 10 * S; t < 40 * S; t += 100 * MS) {
            if (t == CRASH) {
                topology.hostDown("worker-2");
                backends.setServing(backends.id("web.2").orElseThrow(), false);
                gossip.hostCrashed(t, "worker-2");
            }
            gossip.advanceTo(t);
            Result r = router.send(route, t, 2 * S, out);
            ledger.record(r, out);
            if (r != Result.SERVED) {
                assertEquals(Result.TIMEOUT, r);
                assertEquals("web.2", backends.name(out.backend));
                failures.add(t);
                failedIndex.add(sent);
            }
            sent++;
        }
        ledger.advanceTo(41 * S);

        assertTrue(failures.size() >= 15 && failures.size() <= 24, "about 10/s x 6 s / 3 failures: " + failures.size());
        assertTrue(failures.get(0) >= CRASH && failures.get(0) < CRASH + 400 * MS, "the first failure within three connections");
        long lastFailure = failures.get(failures.size() - 1) - CRASH;
        assertTrue(lastFailure >= 4 * S && lastFailure <= 7 * S, "failures stop when gossip declares worker-2 failed: " + lastFailure);
        for (int i = 1; i < failedIndex.size(); i++) {
            assertEquals(3, failedIndex.get(i) - failedIndex.get(i - 1), "exactly every third connection");
        }
        assertEquals(failures.size(), ledger.count(Result.TIMEOUT));
        assertEquals(sent - failures.size(), ledger.count(Result.SERVED));
        assertTrue(ledger.servedBy(backends.id("web.2").orElseThrow()) > 0, "web.2 served until the crash");
    }
}
