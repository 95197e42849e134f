package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.TrafficCounted;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Names on macvlan and bridge networks: a VIP-mode service has no virtual IP there (no load
 * balancer), so its name answers its tasks' addresses and a {@code dns} check may list its tasks by
 * name; a bridge network's name that only other hosts have is NXDOMAIN, for the DNS and for a request.
 */
class LocalNetworkDnsTest {

    private static Sim run() {
        return Sim.run("local-dns", """
                scenario: local-dns
                until: 30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                networks:
                  lan: {driver: macvlan, subnet: 192.168.10.0/24}
                  local: {driver: bridge}
                services:
                  web:
                    image: nginx:1.27
                    networks: [lan]
                    deploy: {replicas: 1, placement: {constraints: ["node.hostname == worker-1"]}}
                  cache:
                    image: redis:7
                    networks: [local]
                    deploy: {replicas: 1, placement: {constraints: ["node.hostname == worker-1"]}}
                traffic:
                  # a container on worker-2's lan, so that its DNS learns the network's names
                  - {name: other-host, from: worker-2, network: lan, to: web, rate: 1/s, start: 10s}
                  # a container on worker-2's own bridge named local, where no cache runs
                  - {name: cache-other-host, from: worker-2, network: local, to: cache, rate: 5/s, start: 10s}
                expect:
                  - {at: 2.05s, dns: {name: web, from: worker-2, network: lan, answers: [web.1]}}
                  - {at: 2.0505s, dns: {name: web, from: worker-2, network: lan, answers: [web.1]}}
                  - {at: 10s, dns: {name: web, from: worker-1, network: lan, answers: [web.1]}}
                  - {at: 10s, dns: {name: cache, from: worker-1, network: local, answers: [cache.1]}}
                  - {at: 10s, dns: {name: cache, from: worker-2, network: local, answers: 0}}
                """);
    }

    @Test
    void aVipServicesNameListsItsTasksOnMacvlanAndBridgeNetworks() {
        Sim sim = run();
        List<String> results = Expectations.evaluate(sim.run).stream()
                .map(r -> (r.passed() ? "PASS " : "FAIL ") + r.detail()).toList();
        assertEquals(List.of(
                "FAIL web from worker-2 on lan: NXDOMAIN, expected web.1",
                "PASS web from worker-2 on lan: 1 answer (web.1)",
                "PASS web from worker-1 on lan: 1 answer (web.1)",
                "PASS cache from worker-1 on local: 1 answer (cache.1)",
                "PASS cache from worker-2 on local: NXDOMAIN"), results);
    }

    /**
     * One question, one answer: worker-2's bridge {@code local} has no cache, so its DNS says
     * NXDOMAIN and every request there fails {@code nxdomain}, not {@code no_route}.
     */
    @Test
    void aRequestForANameTheDnsDoesNotHaveIsNxdomain() {
        Sim sim = run();
        List<TrafficCounted> windows = sim.all(TrafficCounted.class, e -> e.client().equals("cache-other-host")).stream()
                .map(Sim.At::event).toList();
        assertEquals(List.of(10 * Sim.S, 11 * Sim.S), windows.subList(0, 2).stream().map(TrafficCounted::from).toList());
        for (TrafficCounted w : windows) {
            assertEquals(new TreeMap<>(Map.of("nxdomain", w.sent())), w.failed(), "window at " + w.from());
        }
        assertEquals(5L, windows.get(0).sent());
    }

    /**
     * No load balancer on macvlan and bridge networks, so no {@code lb.backend} lines for their
     * clients; the client on worker-2 still reaches web.1 over the segment, picking it from DNS.
     */
    @Test
    void noBalancerIsLoggedOnMacvlanOrBridgeNetworks() {
        Sim sim = run();
        assertEquals(List.of(), sim.all(LbBackendChanged.class, e -> true));
        TrafficCounted first = sim.expect(TrafficCounted.class, 0, e -> e.client().equals("other-host"), "other-host").event();
        assertEquals(10 * Sim.S, first.from());
        assertEquals(new TreeMap<>(Map.of("web.1#1", 1L)), first.servedBy());
    }
}
