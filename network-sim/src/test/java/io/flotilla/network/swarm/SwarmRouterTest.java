package io.flotilla.network.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.network.driver.Driver;
import io.flotilla.network.driver.NetworkSpec;
import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.gossip.GossipEvent.Op;
import io.flotilla.network.overlay.Subnet;
import io.flotilla.network.request.Result;
import io.flotilla.network.swarm.SwarmDataPlane.EndpointMode;
import io.flotilla.network.topology.FirewallRule;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One request, one result. The world: m1, w1, w2 on one switch; {@code web} (VIP, publishes 8080 through
 * the mesh) with web.1 on w1 and web.2 on w2 on {@code frontend} and ingress; {@code db} (dnsrr) with
 * db.1 on w2 on {@code backend}; {@code legacy-app} on the bridge {@code legacy} on w1; {@code lanapp}
 * on the macvlan {@code lan} on w1; {@code routedapp} on the ipvlan L3 {@code routed} on w1.
 */
class SwarmRouterTest {

    record Case(String name, Consumer<SwarmWorld> setup, String from, Optional<String> network, String target,
            Result expected, Optional<String> servedBy) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case served(String name, Consumer<SwarmWorld> setup, String from, String network, String target, String by) {
        return new Case(name, setup, from, Optional.ofNullable(network), target, Result.SERVED, Optional.of(by));
    }

    static Case fails(String name, Consumer<SwarmWorld> setup, String from, String network, String target, Result r) {
        return new Case(name, setup, from, Optional.ofNullable(network), target, r, Optional.empty());
    }

    static final Consumer<SwarmWorld> NOTHING = w -> {};

    static Stream<Case> cases() {
        return Stream.of(
                served("a VIP name: the client node's IPVS picks the first backend", NOTHING, "m1", "frontend", "web", "web.1"),
                served("tasks.NAME: a task of the service", NOTHING, "m1", "backend", "tasks.db", "db.1"),
                served("a dnsrr name: a task of the service", NOTHING, "m1", "backend", "db", "db.1"),
                served("a task's own name", NOTHING, "m1", "frontend", "web.2", "web.2"),
                served("the routing mesh: any node's published port reaches a task elsewhere", NOTHING,
                        "outside", null, "m1:8080", "web.1"),
                served("a host-mode port on the node that runs the task", w -> w.plane.bindHostPort("w2", 9000, "web.2"),
                        "outside", null, "w2:9000", "web.2"),
                served("a bridge network on its own host", NOTHING, "w1", "legacy", "legacy-app", "legacy-app.1"),
                served("macvlan containers on the segment", NOTHING, "w2", "lan", "lanapp", "lanapp.1"),
                served("ipvlan L3: the parent routes between its own children", NOTHING, "w1", "routed", "routedapp",
                        "routedapp.1"),
                // moby vlan-networks.md, L3 mode: another host reaches the children only through a route
                // to their subnet, which Docker does not distribute; the packet is lost.
                fails("ipvlan L3: another host's child has no route to it", NOTHING, "w2", "routed", "routedapp",
                        Result.TIMEOUT),
                served("a disabled backend is skipped (weight 0)", w -> w.seen("m1", "web.1", Op.UPDATED, web1().disable()),
                        "m1", "frontend", "web", "web.2"),
                fails("a name nobody has: NXDOMAIN", NOTHING, "m1", "frontend", "shop", Result.NXDOMAIN),
                fails("the client node's view holds no backend: the VIP record is gone too (fact 6)", w -> {
                    w.seen("m1", "web.1", Op.REMOVED, web1());
                    w.seen("m1", "web.2", Op.REMOVED, web2());
                }, "m1", "frontend", "web", Result.NXDOMAIN),
                fails("dnsrr with every task disabled: no address to give", w -> w.seen("m1", "db.1", Op.UPDATED, db1().disable()),
                        "m1", "backend", "db", Result.NXDOMAIN),
                fails("a service only on a network the client is not on: not in that network's DNS", NOTHING,
                        "m1", "frontend", "db", Result.NXDOMAIN),
                fails("a task only on a network the client is not on: not in that network's DNS", NOTHING,
                        "m1", "backend", "web.2", Result.NXDOMAIN),
                fails("a bridge network's task on another host: not in this host's bridge DNS", NOTHING,
                        "w2", "legacy", "legacy-app", Result.NXDOMAIN),
                fails("a bridge network's task by name on another host", NOTHING, "w2", "legacy", "legacy-app.1", Result.NXDOMAIN),
                fails("a firewall dropping VXLAN at the backend's node: the overlay's packets vanish",
                        w -> drop(w, "w1", FirewallRule.SWARM_VXLAN), "m1", "frontend", "web", Result.TIMEOUT),
                fails("a firewall dropping VXLAN at the client's node: the answers vanish",
                        w -> drop(w, "m1", FirewallRule.SWARM_VXLAN), "m1", "frontend", "web", Result.TIMEOUT),
                served("a firewall dropping VXLAN on the same host: nothing crosses it",
                        w -> drop(w, "w2", FirewallRule.SWARM_VXLAN), "w2", "backend", "db", "db.1"),
                served("an encrypted overlay travels in ESP: a 4789/udp rule does not touch it",
                        w -> drop(w, "w2", FirewallRule.SWARM_VXLAN), "m1", "secure", "vault", "vault.1"),
                fails("an encrypted overlay with esp dropped at the backend's node",
                        w -> drop(w, "w2", FirewallRule.ESP), "m1", "secure", "vault", Result.TIMEOUT),
                served("a firewall dropping esp leaves an unencrypted overlay alone",
                        w -> drop(w, "w1", FirewallRule.ESP), "m1", "frontend", "web", "web.1"),
                served("macvlan is not VXLAN: a 4789/udp rule does not touch it",
                        w -> drop(w, "w1", FirewallRule.SWARM_VXLAN), "w2", "lan", "lanapp", "lanapp.1"),
                fails("a firewall dropping the published port on the node addressed",
                        w -> drop(w, "m1", FirewallRule.tcp(8080)), "outside", null, "m1:8080", Result.TIMEOUT),
                served("a firewall dropping the published port on another node", w -> drop(w, "w1", FirewallRule.tcp(8080)),
                        "outside", null, "m1:8080", "web.1"),
                fails("the mesh forwards over the ingress overlay: VXLAN dropped at the task's node",
                        w -> drop(w, "w1", FirewallRule.SWARM_VXLAN), "outside", null, "m1:8080", Result.TIMEOUT),
                fails("a node the client cannot reach", w -> w.topology.partition(List.of(List.of("m1"), List.of("w1", "w2"))),
                        "m1", null, "w2:8080", Result.NO_ROUTE),
                fails("a host-mode port on a node without the task", w -> w.plane.bindHostPort("w2", 9000, "web.2"),
                        "outside", null, "w1:9000", Result.REFUSED),
                fails("a port nobody publishes", NOTHING, "outside", null, "w1:9999", Result.REFUSED),
                fails("the ingress node's view has no backend for the port", w -> {
                    w.seen("w1", "web.1", Op.REMOVED, Endpoint.vip("ingress", "web.1", "web", "10.0.0.3", "10.0.0.2"));
                    w.seen("w1", "web.2", Op.REMOVED, Endpoint.vip("ingress", "web.2", "web", "10.0.0.4", "10.0.0.2"));
                }, "outside", null, "w1:8080", Result.REFUSED),
                fails("the backend's node crashed but it is still listed: black-holed", w -> {
                    w.topology.hostDown("w1");
                    w.backends.setServing(w.backends.id("web.1").orElseThrow(), false);
                }, "m1", "frontend", "web", Result.TIMEOUT),
                fails("the backend's node is cut off but still listed", w -> w.topology.linkDown("m1", "w1"),
                        "m1", "frontend", "web", Result.TIMEOUT),
                fails("the listed task is no longer serving (unhealthy)",
                        w -> w.backends.setServing(w.backends.id("web.1").orElseThrow(), false), "m1", "frontend", "web",
                        Result.TIMEOUT),
                fails("every backend de-weighted: the VIP resolves but IPVS drops the connection", w -> {
                    w.seen("m1", "web.1", Op.UPDATED, web1().disable());
                    w.seen("m1", "web.2", Op.UPDATED, web2().disable());
                }, "m1", "frontend", "web", Result.TIMEOUT),
                fails("a published port on a node that is down", w -> w.topology.hostDown("w1"),
                        "outside", null, "w1:8080", Result.TIMEOUT),
                fails("the host's own resolver knows no service names", NOTHING, "m1", null, "web", Result.NXDOMAIN));
    }

    static Endpoint web1() {
        return Endpoint.vip("frontend", "web.1", "web", "10.0.1.3", "10.0.1.2");
    }

    static Endpoint web2() {
        return Endpoint.vip("frontend", "web.2", "web", "10.0.1.4", "10.0.1.2");
    }

    static Endpoint db1() {
        return Endpoint.dnsrr("backend", "db.1", "db", "10.0.2.2");
    }

    static SwarmWorld world() {
        SwarmWorld w = new SwarmWorld(List.of("m1", "w1", "w2"),
                NetworkSpec.overlay("frontend"), NetworkSpec.overlay("backend"), NetworkSpec.of("legacy", Driver.BRIDGE),
                NetworkSpec.of("lan", Driver.MACVLAN).withSubnet(Subnet.parse("192.168.10.0/24").orElseThrow()),
                NetworkSpec.of("routed", Driver.IPVLAN_L3).withSubnet(Subnet.parse("10.30.0.0/24").orElseThrow()),
                NetworkSpec.overlay("secure").encrypt());
        w.service("web", EndpointMode.VIP, List.of("frontend", "ingress"), 8080)
                .service("db", EndpointMode.DNSRR, List.of("backend"))
                .service("legacy-app", EndpointMode.VIP, List.of("legacy"))
                .service("lanapp", EndpointMode.VIP, List.of("lan"))
                .service("routedapp", EndpointMode.VIP, List.of("routed"))
                .service("vault", EndpointMode.VIP, List.of("secure"))
                .task("web.1", "web", "frontend", "w1", "10.0.1.3", Optional.of("10.0.1.2"))
                .task("web.2", "web", "frontend", "w2", "10.0.1.4", Optional.of("10.0.1.2"))
                .task("web.1", "web", "ingress", "w1", "10.0.0.3", Optional.of("10.0.0.2"))
                .task("web.2", "web", "ingress", "w2", "10.0.0.4", Optional.of("10.0.0.2"))
                .task("db.1", "db", "backend", "w2", "10.0.2.2", Optional.empty())
                .task("legacy-app.1", "legacy-app", "legacy", "w1", "172.19.0.2", Optional.empty())
                .task("lanapp.1", "lanapp", "lan", "w1", "192.168.10.2", Optional.empty())
                .task("routedapp.1", "routedapp", "routed", "w1", "10.30.0.2", Optional.empty())
                .task("vault.1", "vault", "secure", "w2", "10.0.3.3", Optional.of("10.0.3.2"));
        return w;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oneRequest(Case c) {
        SwarmWorld w = world();
        c.setup.accept(w);
        assertEquals(c.expected, w.send(c.from, c.network, c.target));
        c.servedBy.ifPresent(task -> assertEquals(task, w.servedBy()));
    }

    private static void drop(SwarmWorld w, String host, FirewallRule rule) {
        w.topology.firewalls().drop(w.topology.indexOf(host).orElseThrow(), rule);
    }
}
