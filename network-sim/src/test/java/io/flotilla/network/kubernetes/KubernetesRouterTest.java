package io.flotilla.network.kubernetes;

import static io.flotilla.network.kubernetes.KubeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.network.request.Result;
import io.flotilla.network.topology.FirewallRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesRouterTest {

    record Case(String name, Consumer<KubeWorld> setup, String from, String target, Result expected, Set<String> servedBy) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Consumer<KubeWorld> nothing = w -> {};
        Set<String> web = Set.of("web-a", "web-b");
        return Stream.of(
                new Case("a Service name in the client's namespace", nothing, "n1", "web", Result.SERVED, web),
                new Case("NAME.NAMESPACE", nothing, "n1", "web.shop", Result.SERVED, web),
                new Case("the fully qualified name", nothing, "n1", "web.shop.svc.cluster.local", Result.SERVED, web),
                new Case("a headless Service: a ready pod's address", nothing, "n2", "db", Result.SERVED, Set.of("db-0", "db-1")),
                new Case("a StatefulSet pod's hostname under its headless Service", nothing, "n2", "db-0.db", Result.SERVED,
                        Set.of("db-0")),
                new Case("a NodePort from outside, over every endpoint in the cluster", nothing, "outside", "n1:30080",
                        Result.SERVED, web),
                new Case("kube-proxy uses ready endpoints only", w -> {
                    w.conditions("web", "web-a", EndpointConditions.NOT_READY);
                    w.advance(S);
                }, "n1", "web", Result.SERVED, Set.of("web-b")),
                new Case("with none ready it falls back to serving terminating ones", w -> {
                    w.conditions("web", "web-a", EndpointConditions.terminating(true));
                    w.conditions("web", "web-b", EndpointConditions.NOT_READY);
                    w.advance(S);
                }, "n1", "web", Result.SERVED, Set.of("web-a")),
                new Case("an unknown name", nothing, "n1", "shop", Result.NXDOMAIN, Set.of()),
                new Case("a Service of another namespace needs its namespace", w -> {
                    w.plane.putService(w.now, KubeService.clusterIp("pay", "billing", "10.96.0.3"));
                    w.advance(S);
                }, "n1", "pay", Result.NXDOMAIN, Set.of()),
                new Case("a headless Service with no ready pod: NXDOMAIN", w -> {
                    w.conditions("db", "db-0", EndpointConditions.NOT_READY);
                    w.conditions("db", "db-1", EndpointConditions.NOT_READY);
                }, "n1", "db", Result.NXDOMAIN, Set.of()),
                new Case("a pod hostname that is not ready: NXDOMAIN", w -> w.conditions("db", "db-1", EndpointConditions.NOT_READY),
                        "n1", "db-1.db", Result.NXDOMAIN, Set.of()),
                new Case("a Service without endpoints: kube-proxy REJECTs", w -> {
                    w.plane.setEndpoints(w.now, "shop", "web", List.of());
                    w.advance(S);
                }, "n1", "web", Result.REFUSED, Set.of()),
                new Case("a port no Service has", nothing, "outside", "n1:31000", Result.REFUSED, Set.of()),
                new Case("a node the client cannot reach", w -> w.topology.linkDown("n1", "n2"), "n1", "n2:30080",
                        Result.NO_ROUTE, Set.of()),
                new Case("a node that is down", w -> w.topology.hostDown("n2"), "outside", "n2:30080", Result.TIMEOUT, Set.of()),
                new Case("a ready endpoint whose pod is not serving: the connection fails, no retry", w -> {
                    w.backends.setServing(w.backends.id("web-a").orElseThrow(), false);
                    w.backends.setServing(w.backends.id("web-b").orElseThrow(), false);
                }, "n1", "web", Result.TIMEOUT, Set.of()),
                new Case("flannel's VXLAN dropped at the other pod's node: only the local pod answers",
                        w -> drop(w, "n2", FirewallRule.FLANNEL_VXLAN), "n1", "db-1.db", Result.TIMEOUT, Set.of()),
                new Case("flannel's VXLAN dropped: a pod on the client's own node is not behind it",
                        w -> drop(w, "n1", FirewallRule.FLANNEL_VXLAN), "n1", "db-0.db", Result.SERVED, Set.of("db-0")),
                new Case("Swarm's VXLAN port is not the pod network's", w -> drop(w, "n2", FirewallRule.SWARM_VXLAN),
                        "n1", "db-1.db", Result.SERVED, Set.of("db-1")),
                new Case("a firewall dropping the NodePort on the node addressed", w -> drop(w, "n1", FirewallRule.tcp(30080)),
                        "outside", "n1:30080", Result.TIMEOUT, Set.of()),
                new Case("kube-proxy has not synced a new Service yet: packets to its ClusterIP go nowhere", w ->
                        w.plane.putService(w.now, KubeService.clusterIp("new", "shop", "10.96.0.4")),
                        "n1", "new", Result.TIMEOUT, Set.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oneRequest(Case c) {
        KubeWorld w = new KubeWorld(1);
        c.setup.accept(w);
        assertEquals(c.expected, w.send(c.from, c.target));
        if (c.expected == Result.SERVED) {
            assertTrue(c.servedBy.contains(w.servedBy()), w.servedBy());
        }
    }

    /** iptables mode picks uniformly at random: about half each over many connections, in a seeded order. */
    @Test
    void kubeProxyPicksUniformlyAtRandom() {
        KubeWorld w = new KubeWorld(3);
        Map<String, Integer> counts = new HashMap<>();
        KubernetesRouter.Route route = w.router.route("n1", "shop", io.flotilla.network.request.Target.parse("web"));
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            assertEquals(Result.SERVED, w.router.send(route, w.now, S, w.out));
            counts.merge(w.servedBy(), 1, Integer::sum);
            if (i < 20) {
                order.append(w.servedBy().charAt(4));
            }
        }
        assertTrue(Math.abs(counts.get("web-a") - 2000) < 150, counts.toString());
        KubeWorld again = new KubeWorld(3);
        KubernetesRouter.Route route2 = again.router.route("n1", "shop", io.flotilla.network.request.Target.parse("web"));
        StringBuilder order2 = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            again.router.send(route2, again.now, S, again.out);
            order2.append(again.servedBy().charAt(4));
        }
        assertEquals(order.toString(), order2.toString(), "same seed, same picks");
    }

    @Test
    void aNodeCutOffFromTheControlPlaneKeepsItsRulesUntilItReconnects() {
        KubeWorld w = new KubeWorld(1);
        w.topology.partition(List.of(List.of("cp", "n1"), List.of("n2")));
        w.plane.topologyChanged(w.now);
        w.conditions("web", "web-a", EndpointConditions.NOT_READY);
        w.advance(5 * S);
        int[] onN1 = w.plane.proxyTargets(1, 0);
        int[] onN2 = w.plane.proxyTargets(2, 0);
        assertEquals(1, onN1.length, "n1 synced");
        assertEquals(2, onN2.length, "n2 still has web-a");
        w.topology.heal();
        w.plane.topologyChanged(w.now);
        w.advance(S);
        assertEquals(1, w.plane.proxyTargets(2, 0).length, "a sync after it reaches the control plane again");
    }

    @Test
    void clusterDnsAnswersFromTheApiAtOnce() {
        KubeWorld w = new KubeWorld(1);
        assertEquals(List.of("10.96.0.2"), w.plane.resolve("shop", "web", new java.util.SplittableRandom(1)).addresses());
        assertEquals(30, w.plane.resolve("shop", "web", new java.util.SplittableRandom(1)).ttlSeconds());
        assertEquals(Set.of("10.244.0.3", "10.244.1.3"),
                Set.copyOf(w.plane.resolve("shop", "db", new java.util.SplittableRandom(1)).addresses()));
        w.conditions("db", "db-0", EndpointConditions.NOT_READY);
        assertEquals(List.of("10.244.1.3"), w.plane.resolve("other", "db.shop", new java.util.SplittableRandom(1)).addresses());
    }

    @Test
    void addressesAreSerial() {
        ClusterIps ips = new ClusterIps();
        assertEquals(Optional.of("10.96.0.2"), ips.allocate());
        for (int i = 3; i <= 9; i++) {
            ips.allocate();
        }
        assertEquals(Optional.of("10.96.0.11"), ips.allocate(), "10.96.0.10 is kube-dns's");
        assertEquals(30000, ips.allocateNodePort().getAsInt());
        assertTrue(ips.reserveNodePort(30080));
        assertTrue(!ips.reserveNodePort(30080) && !ips.reserveNodePort(8080));
        PodNetwork pods = new PodNetwork();
        assertEquals("10.244.0.0/24", pods.registerNode("n1").orElseThrow().toString());
        assertEquals("10.244.1.0/24", pods.registerNode("n2").orElseThrow().toString());
        assertEquals(new io.flotilla.network.overlay.Allocation.Address("10.244.1.2"), pods.allocate("n2", "p"));
    }

    @Test
    void namesExpandLikeAPodsResolver() {
        assertEquals(List.of("web.shop.svc.cluster.local", "web.svc.cluster.local", "web.cluster.local", "web"),
                ClusterDns.candidates("shop", "web"));
        assertEquals(List.of("web.shop.svc.cluster.local"), ClusterDns.candidates("shop", "web.shop.svc.cluster.local."));
        assertEquals(Optional.of(new ClusterDns.Query("shop", "db", Optional.of("db-0"))),
                ClusterDns.parse("db-0.db.shop.svc.cluster.local"));
    }

    private static void drop(KubeWorld w, String host, FirewallRule rule) {
        w.topology.firewalls().drop(w.topology.indexOf(host).orElseThrow(), rule);
    }
}
