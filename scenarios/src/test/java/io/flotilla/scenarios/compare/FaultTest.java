package io.flotilla.scenarios.compare;

import static io.flotilla.scenarios.compare.Scenarios.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void timelineItemsAtOneInstantAreOneFaultAndAZoneWhoseNodesAllCrashIsNamed() {
        var scenario = Scenarios.parse("""
                scenario: faults
                until: 10m
                nodes:
                  - {name: manager-1, role: manager, labels: {zone: a}}
                  - {name: worker-b, count: 2, labels: {zone: b}}
                  - {name: worker-c, count: 2, labels: {zone: c}}
                  - {name: edge-1}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 2}}
                timeline:
                  - {at: 1m, crash: worker-c-2}
                  - {at: 1m, crash: worker-b-1}
                  - {at: 1m, crash: worker-c-1}
                  - {at: 2m, crash: worker-b-2}
                  - {at: 2m, drain: manager-1}
                  - {at: 3m, partition: [[manager-1, worker-b-1], [worker-c-1]]}
                  - {at: 4m, heal: all}
                  - {at: 4m, restart: worker-c-1}
                  - {at: 5m, scale: {web: 4}}
                  - {at: 5m, update: {service: web, image: "nginx:1.28"}}
                  - {at: 6m, kill_task: web.2}
                  - {at: 7m, deploy: {services: {api: {deploy: {replicas: 2}}}}}
                  - {at: 8m, pause: edge-1}
                  - {at: 12m, crash: edge-1}
                """);
        assertEquals(List.of(
                new Fault(t("1m"), "crash worker-c-2, worker-b-1, worker-c-1 (zone c down)"),
                new Fault(t("2m"), "crash worker-b-2; drain manager-1"),
                new Fault(t("3m"), "partition manager-1 worker-b-1 | worker-c-1 | worker-b-2 worker-c-2 edge-1"),
                new Fault(t("4m"), "heal; restart worker-c-1"),
                new Fault(t("5m"), "scale web to 4; update web to nginx:1.28"),
                new Fault(t("6m"), "kill web.2"),
                new Fault(t("7m"), "deploy api"),
                new Fault(t("8m"), "pause edge-1")), Fault.of(scenario));
    }

    @Test
    void severalZonesDownAtOnce() {
        var scenario = Scenarios.parse("""
                scenario: zones
                nodes:
                  - {name: a-1, labels: {zone: a}}
                  - {name: b-1, labels: {topology.kubernetes.io/zone: b}}
                  - {name: c-1, role: manager}
                timeline:
                  - {at: 1m, crash: a-1}
                  - {at: 1m, crash: b-1}
                  - {at: 1m, crash: c-1}
                """);
        assertEquals(List.of(new Fault(t("1m"), "crash a-1, b-1, c-1 (zones a, b down)")), Fault.of(scenario));
    }
}
