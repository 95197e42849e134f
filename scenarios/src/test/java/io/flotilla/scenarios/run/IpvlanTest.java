package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.sim.dataplane.DataPlaneSettings.RequestProbe;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.NetworkCreated;
import io.flotilla.sim.events.RequestExplained;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TrafficCounted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * ipvlan networks at exact virtual times, after moby's {@code vlan-networks.md}: L2 mode (the default
 * {@code ipvlan_mode}) carries tasks across hosts on the parent's segment as macvlan does, with no
 * VIP; L3 mode routes only between one host's children ("the remote host or the physical network in
 * between need to have a route pointing to the host IP address of the container's Docker host"), and
 * Docker distributes no such route, so another host's request is lost and times out.
 */
class IpvlanTest {

    static final String SCENARIO = """
            scenario: ipvlan
            until: 30s
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            networks:
              lan: {driver: ipvlan, parent: eth0, subnet: 192.168.20.0/24}
              routed: {driver: ipvlan, parent: eth0.30, ipvlan_mode: l3, subnet: 10.30.0.0/24}
            services:
              web:
                image: nginx:1.27
                networks: [lan]
                deploy: {replicas: 1, placement: {constraints: ["node.hostname == worker-1"]}}
              api:
                image: nginx:1.27
                networks: [routed]
                deploy: {replicas: 1, placement: {constraints: ["node.hostname == worker-1"]}}
            traffic:
              - {name: web-other-host, from: worker-2, network: lan, to: web, rate: 5/s, start: 10s}
              - {name: api-same-host, from: worker-1, network: routed, to: api, rate: 5/s, start: 10s}
              - {name: api-other-host, from: worker-2, network: routed, to: api, rate: 5/s, start: 10s}
            """;

    private static Sim run(Optional<RequestProbe> probe) {
        ParseOutcome outcome = new ScenarioParser().parse("ipvlan.yaml", SCENARIO);
        assertEquals(List.of(), outcome.problems());
        return Sim.of(ScenarioRunner.run(outcome.scenario().orElseThrow(),
                new RunOptions(Optional.empty(), OptionalLong.empty(), Set.of(), probe)));
    }

    @Test
    void bothNetworksAreCreatedWithTheirModeAndTasksTakeTheSegmentsAddresses() {
        Sim sim = run(Optional.empty());
        assertEquals(List.of(new NetworkCreated("lan", "ipvlan l2", 0, "192.168.20.0/24", 1500, false),
                        new NetworkCreated("routed", "ipvlan l3", 0, "10.30.0.0/24", 1500, false)),
                sim.all(NetworkCreated.class, e -> true).stream().map(Sim.At::event).toList());
        List<String> addresses = sim.all(TaskAddressed.class, e -> true).stream().map(a -> a.event().toString()).toList();
        assertTrue(addresses.stream().anyMatch(a -> a.contains("192.168.20.2")), addresses.toString());
        assertTrue(addresses.stream().anyMatch(a -> a.contains("10.30.0.2")), addresses.toString());
        assertEquals(List.of(), sim.all(LbBackendChanged.class, e -> true), "no VIP, no load balancer off an overlay");
    }

    @Test
    void l2CrossesHostsAndL3OnlyServesItsOwnHost() {
        Sim sim = run(Optional.empty());
        TrafficCounted l2 = sim.expect(TrafficCounted.class, 0, e -> e.client().equals("web-other-host"), "l2").event();
        assertEquals(10 * Sim.S, l2.from());
        assertEquals(new TreeMap<>(Map.of("web.1#1", 5L)), l2.servedBy());
        TrafficCounted same = sim.expect(TrafficCounted.class, 0, e -> e.client().equals("api-same-host"), "l3 same").event();
        assertEquals(new TreeMap<>(Map.of("api.1#1", 5L)), same.servedBy());
        for (Sim.At<TrafficCounted> w : sim.all(TrafficCounted.class, e -> e.client().equals("api-other-host"))) {
            assertEquals(0L, w.event().served(), "window at " + w.event().from());
            assertEquals(new TreeMap<>(Map.of("timeout", w.event().sent())), w.event().failed());
        }
    }

    @Test
    void theLostRequestTimesOutAfterTheClientsTimeoutAndSaysWhy() {
        Sim sim = run(Optional.of(new RequestProbe("api-other-host", 20 * Sim.S)));
        RequestExplained e = sim.expect(RequestExplained.class, 0, x -> true, "the explained request").event();
        assertEquals("timeout", e.outcome());
        assertEquals(20 * Sim.S, e.sent());
        assertEquals(21 * Sim.S, e.ended(), "the default 1s client timeout");
        assertEquals(List.of("10.30.0.2"), e.resolved());
        assertTrue(e.why().startsWith("routed is an ipvlan network in L3 mode: worker-2 routes api.1#1's address "
                + "(on worker-1) out of its parent interface"), e.why());
    }
}
