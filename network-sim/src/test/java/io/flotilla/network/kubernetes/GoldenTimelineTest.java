package io.flotilla.network.kubernetes;

import static io.flotilla.network.kubernetes.KubeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network reference's golden timeline with the kubernetes strategy: 3 nodes, a ClusterIP Service
 * over 3 pods (one per node), a client on the control-plane node at 10 connections a second, node n2
 * crashing. The node lifecycle controller marks its pod not ready after the 50 s grace period, and
 * kube-proxy drops it a sync (1 s) later: about a third of the connections fail for ~51 s, at random
 * rather than every third.
 */
class GoldenTimelineTest {

    private static final long MS = 1_000_000L;
    private static final long CRASH = 20 * S;
    private static final long GRACE = 50 * S;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void nodeCrashFailsAThirdOfConnectionsAtRandomForFiftyOneSeconds(long seed) {
        Topology topology = new Topology(List.of("cp", "n1", "n2"));
        Backends backends = new Backends();
        KubernetesDataPlane plane = new KubernetesDataPlane(topology, backends, Randomness.seeded(seed), "cp", S);
        KubernetesRouter router = new KubernetesRouter(plane, topology, backends, 0);
        plane.putService(0, KubeService.clusterIp("web", "default", "10.96.0.2"));
        List<PodEndpoint> pods = List.of(
                new PodEndpoint("web-a", "web-a", "10.244.0.2", "cp", EndpointConditions.READY, Optional.empty()),
                new PodEndpoint("web-b", "web-b", "10.244.1.2", "n1", EndpointConditions.READY, Optional.empty()),
                new PodEndpoint("web-c", "web-c", "10.244.2.2", "n2", EndpointConditions.READY, Optional.empty()));
        plane.setEndpoints(0, "default", "web", pods);
        for (int i = 0; i < 3; i++) {
            backends.setServing(i, true);
        }
        KubernetesRouter.Route route = router.route("cp", "default", Target.parse("web"));
        Outcome out = new Outcome();
        List<Long> failures = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        int sent = 0;
        int lastFailed = -1;
        for (long t = 10 * S; t < 120 * S; t += 100 * MS) {
            if (t == CRASH) {
                topology.hostDown("n2");
                plane.topologyChanged(t);
                backends.setServing(backends.id("web-c").orElseThrow(), false);
            }
            if (t == CRASH + GRACE) {
                plane.setEndpoints(t, "default", "web", List.of(pods.get(0), pods.get(1), pods.get(2).with(EndpointConditions.NOT_READY)));
            }
            plane.advanceTo(t);
            Result r = router.send(route, t, 2 * S, out);
            if (r != Result.SERVED) {
                assertEquals(Result.TIMEOUT, r);
                failures.add(t);
                if (lastFailed >= 0) {
                    gaps.add(sent - lastFailed);
                }
                lastFailed = sent;
            }
            sent++;
        }
        assertTrue(failures.size() >= 130 && failures.size() <= 210, "about a third of 510: " + failures.size());
        assertTrue(failures.get(0) >= CRASH);
        long last = failures.get(failures.size() - 1) - CRASH;
        assertTrue(last >= 49 * S && last <= 51 * S, "until kube-proxy drops the pod: " + last);
        Set<Integer> distinctGaps = new HashSet<>(gaps);
        assertTrue(distinctGaps.size() > 3, "random, not every third: " + distinctGaps);
    }
}
