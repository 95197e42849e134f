package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VIP-mode service has no virtual IP on a macvlan or bridge network (no load balancer there):
 * its name answers its tasks' addresses, so a {@code dns} check may list its tasks by name.
 */
class LocalNetworkDnsTest {

    @Test
    void aVipServicesNameListsItsTasksOnMacvlanAndBridgeNetworks() {
        Sim sim = Sim.run("local-dns", """
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
                expect:
                  - {at: 2.05s, dns: {name: web, from: worker-2, network: lan, answers: [web.1]}}
                  - {at: 2.0505s, dns: {name: web, from: worker-2, network: lan, answers: [web.1]}}
                  - {at: 10s, dns: {name: web, from: worker-1, network: lan, answers: [web.1]}}
                  - {at: 10s, dns: {name: cache, from: worker-1, network: local, answers: [cache.1]}}
                  - {at: 10s, dns: {name: cache, from: worker-2, network: local, answers: 0}}
                """);
        List<String> results = Expectations.evaluate(sim.run).stream()
                .map(r -> (r.passed() ? "PASS " : "FAIL ") + r.detail()).toList();
        assertEquals(List.of(
                "FAIL web from worker-2 on lan: NXDOMAIN, expected web.1",
                "PASS web from worker-2 on lan: 1 answer (web.1)",
                "PASS web from worker-1 on lan: 1 answer (web.1)",
                "PASS cache from worker-1 on local: 1 answer (cache.1)",
                "PASS cache from worker-2 on local: NXDOMAIN"), results);
    }
}
