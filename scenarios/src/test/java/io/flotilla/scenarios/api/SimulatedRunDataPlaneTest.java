package io.flotilla.scenarios.api;

import static io.flotilla.scenarios.HandLog.dns;
import static io.flotilla.scenarios.HandLog.window;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.HandLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS answers and traffic read from JUnit, from a log written by hand. */
class SimulatedRunDataPlaneTest {

    @Test
    void answersAndTrafficAsOfAMoment() {
        HandLog log = new HandLog()
                .at("1s").add(dns("worker-1", "front", "web", List.of("10.0.1.2"), List.of()))
                .add(window("shoppers", "0s", 10, List.of(), List.of("web.1#1", 10)))
                .at("40s").add(dns("worker-1", "front", "web", List.of(), List.of()))
                .add(window("shoppers", "30s", 10, List.of("timeout", 10), List.of()));
        SimulatedRun run = new SimulatedRun(log.run(HandLog.parse("""
                scenario: api
                until: 1m
                nodes: [{name: manager-1, role: manager}, {name: worker-1}]
                networks: {front: {}}
                services: {web: {networks: [front]}}
                traffic: [{name: shoppers, from: manager-1, network: front, to: web, rate: 10/s}]
                """)));
        assertEquals(List.of("10.0.1.2"), run.at("30s").dnsAnswers("worker-1", "front", "web"));
        assertEquals(List.of(), run.dnsAnswers("worker-1", "front", "web"), "NXDOMAIN at the end");
        assertEquals(10, run.at("30s").traffic("shoppers").sent());
        assertEquals(0, run.at("30s").traffic("shoppers").failed());
        assertEquals(10, run.at("31s").traffic("shoppers").failed(), "the window of 30s, though logged at 40s");
        assertEquals(20, run.traffic("shoppers").sent());
    }
}
