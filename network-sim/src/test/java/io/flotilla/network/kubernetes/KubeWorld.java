package io.flotilla.network.kubernetes;

import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small Kubernetes cluster for tests: control-plane cp, nodes n1 and n2; Service {@code web}
 * (ClusterIP, NodePort 30080) with pods web-a on n1 and web-b on n2; headless {@code db} with
 * StatefulSet pods db-0 on n1 and db-1 on n2; all in namespace {@code shop}. kube-proxy syncs 1 s
 * after a change; the world starts synced at 10 s.
 */
final class KubeWorld {

    static final long S = 1_000_000_000L;

    final Topology topology = new Topology(List.of("cp", "n1", "n2"));
    final Backends backends = new Backends();
    final KubernetesDataPlane plane;
    final KubernetesRouter router;
    final Outcome out = new Outcome();
    final ClusterIps ips = new ClusterIps();
    final PodNetwork pods = new PodNetwork();
    long now = 10 * S;

    KubeWorld(long seed) {
        plane = new KubernetesDataPlane(topology, backends, Randomness.seeded(seed), "cp", S);
        router = new KubernetesRouter(plane, topology, backends, 0);
        plane.putService(0, KubeService.clusterIp("web", "shop", ips.allocate().orElseThrow()).withNodePort(30080));
        plane.putService(0, KubeService.headless("db", "shop"));
        plane.setEndpoints(0, "shop", "web", List.of(pod("web-a", "n1", Optional.empty()), pod("web-b", "n2", Optional.empty())));
        plane.setEndpoints(0, "shop", "db", List.of(pod("db-0", "n1", Optional.of("db-0")), pod("db-1", "n2", Optional.of("db-1"))));
        plane.advanceTo(now);
        for (int i = 0; i < backends.size(); i++) {
            backends.setServing(i, true);
        }
    }

    PodEndpoint pod(String name, String node, Optional<String> hostname) {
        String address = ((io.flotilla.network.overlay.Allocation.Address) pods.allocate(node, name)).address();
        return new PodEndpoint(name, name, address, node, EndpointConditions.READY, hostname);
    }

    /** Rewrites one endpoint's conditions in the API now. */
    void conditions(String service, String pod, EndpointConditions c) {
        List<PodEndpoint> list = new ArrayList<>();
        for (PodEndpoint e : plane.endpoints("shop", service)) {
            list.add(e.pod().equals(pod) ? e.with(c) : e);
        }
        plane.setEndpoints(now, "shop", service, list);
    }

    void advance(long nanos) {
        now += nanos;
        plane.advanceTo(now);
    }

    Result send(String from, String target) {
        return router.send(router.route(from, "shop", Target.parse(target)), now, 2 * S, out);
    }

    String servedBy() {
        return backends.name(out.backend);
    }
}
