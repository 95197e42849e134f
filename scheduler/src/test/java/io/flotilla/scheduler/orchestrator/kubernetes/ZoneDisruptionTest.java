package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A zone's state and its NoExecute tainting rate. The state cases are the zones of upstream
 * {@code pkg/controller/nodelifecycle/node_lifecycle_controller_test.go} TestMonitorNodeHealth, by
 * name, before ("initial") and after ("following") their nodes' statuses change, as counts of Ready
 * and not-Ready nodes (a node without a Ready condition is not Ready); the case about the
 * {@code node.kubernetes.io/exclude-disruption} label is left out (the label is not simulated). The
 * rates follow {@code setLimiterInZone} with kube-controller-manager's defaults.
 */
class ZoneDisruptionTest {

    record StateCase(String name, int ready, int notReady, ZoneState expected) {
        @Override
        public String toString() {
            return name + " (" + ready + " ready, " + notReady + " not)";
        }
    }

    static Stream<StateCase> states() {
        return Stream.of(
                new StateCase("No Disruption: Node created recently without failure domain labels", 1, 0, ZoneState.NORMAL),
                new StateCase("No Disruption: Initially both zones down, one comes back: the zone still down", 0, 1,
                        ZoneState.FULL_DISRUPTION),
                new StateCase("No Disruption: Initially both zones down, one comes back: the zone back", 1, 0,
                        ZoneState.NORMAL),
                new StateCase("Partial Disruption: Nodes created recently without status conditions, initial", 0, 4,
                        ZoneState.FULL_DISRUPTION),
                new StateCase("Partial Disruption: Nodes created recently without status conditions, following", 1, 3,
                        ZoneState.PARTIAL_DISRUPTION),
                new StateCase("Partial Disruption: one Node failed leading to the number of healthy Nodes to exceed"
                        + " the configured threshold, initial", 3, 2, ZoneState.NORMAL),
                new StateCase("Partial Disruption: one Node failed leading to the number of healthy Nodes to exceed"
                        + " the configured threshold, following", 2, 3, ZoneState.PARTIAL_DISRUPTION),
                new StateCase("Full Disruption: the zone has less than 2 Nodes down, the last healthy Node has failed,"
                        + " initial (2 down is normal whatever the share)", 1, 2, ZoneState.NORMAL),
                new StateCase("Full Disruption: the zone has less than 2 Nodes down, the last healthy Node has failed,"
                        + " following", 0, 3, ZoneState.FULL_DISRUPTION),
                new StateCase("Full Disruption: all the Nodes in one zone are down: the zone down", 0, 1,
                        ZoneState.FULL_DISRUPTION),
                new StateCase("Full Disruption: all the Nodes in one zone are down: the other zone", 1, 0, ZoneState.NORMAL),
                new StateCase("Full Disruption: all the Nodes in both the zones are down", 0, 1, ZoneState.FULL_DISRUPTION),
                new StateCase("Full Disruption: Ready condition removed from the Node", 0, 1, ZoneState.FULL_DISRUPTION),
                new StateCase("an empty zone is normal", 0, 0, ZoneState.NORMAL),
                new StateCase("exactly the threshold's share is partial", 9, 11, ZoneState.PARTIAL_DISRUPTION),
                new StateCase("just under the threshold's share is normal", 3, 3, ZoneState.NORMAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void computeZoneState(StateCase c) {
        assertEquals(c.expected(), ZoneDisruption.DEFAULT.state(c.ready(), c.notReady()));
    }

    record RateCase(String name, ZoneState state, int zoneSize, double expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<RateCase> rates() {
        return Stream.of(
                new RateCase("a normal zone taints at the eviction rate", ZoneState.NORMAL, 3, 0.1),
                new RateCase("a zone not judged yet keeps the rate its limiter starts with", ZoneState.INITIAL, 3, 0.1),
                new RateCase("a fully disrupted zone keeps the eviction rate (HealthyQPSFunc)", ZoneState.FULL_DISRUPTION,
                        3, 0.1),
                new RateCase("a small partially disrupted zone stops (ReducedQPSFunc)", ZoneState.PARTIAL_DISRUPTION, 5, 0),
                new RateCase("a partially disrupted zone at the large-cluster threshold still stops",
                        ZoneState.PARTIAL_DISRUPTION, 50, 0),
                new RateCase("a partially disrupted zone above it taints at the secondary rate",
                        ZoneState.PARTIAL_DISRUPTION, 51, 0.01));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rates")
    void setLimiterInZone(RateCase c) {
        assertEquals(c.expected(), ZoneDisruption.DEFAULT.evictionRate(c.state(), c.zoneSize()));
    }
}
