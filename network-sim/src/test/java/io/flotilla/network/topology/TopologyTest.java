package io.flotilla.network.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopologyTest {

    private static final long HOP = Topology.DEFAULT_HOP_NANOS;

    /** A fault applied to the flat topology m1, w1, w2, w3, and the pairs that can then talk. */
    record Case(String name, Consumer<Topology> fault, List<String> reach, List<String> cut) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> faults() {
        return Stream.of(
                new Case("every host reaches every other at first", t -> {},
                        List.of("m1-w3", "w1-w2", "w2-w2"), List.of()),
                new Case("a partition cuts between groups only",
                        t -> t.partition(List.of(List.of("m1", "w1"), List.of("w2"))),
                        List.of("m1-w1"), List.of("m1-w2", "w1-w3")),
                new Case("hosts named in no group form a group of their own",
                        t -> t.partition(List.of(List.of("m1", "w1"), List.of("w2"))),
                        List.of("w3-w3"), List.of("w2-w3")),
                new Case("a failed link between two hosts blocks only that pair (a full mesh does not route around it)",
                        t -> t.linkDown("w1", "m1"), List.of("m1-w2", "w2-w1"), List.of("m1-w1", "w1-m1")),
                new Case("a crashed host reaches nobody, not even itself", t -> t.hostDown("w2"),
                        List.of("m1-w1"), List.of("w2-w2", "m1-w2")),
                new Case("heal lifts partitions and link cuts", t -> {
                    t.partition(List.of(List.of("m1"), List.of("w1")));
                    t.linkDown("w2", "w3");
                    t.heal();
                }, List.of("m1-w1", "w2-w3"), List.of()),
                new Case("heal does not restart a crashed host", t -> {
                    t.hostDown("w3");
                    t.heal();
                }, List.of("m1-w2"), List.of("m1-w3")),
                new Case("the switch going down cuts everyone", t -> t.deviceDown(Topology.LAN),
                        List.of(), List.of("m1-w1", "w2-w3")),
                new Case("an uplink going down cuts its host", t -> t.linkDown("w3", Topology.LAN),
                        List.of("m1-w1"), List.of("w3-m1")));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void reachability(Case c) {
        Topology t = new Topology(List.of("m1", "w1", "w2", "w3"));
        c.fault.accept(t);
        for (String pair : c.reach) {
            String[] p = pair.split("-");
            assertTrue(t.canReach(p[0], p[1]), pair);
        }
        for (String pair : c.cut) {
            String[] p = pair.split("-");
            assertFalse(t.canReach(p[0], p[1]), pair);
        }
    }

    @Test
    void reachableFromListsHostsInTheOrderTheyWereAdded() {
        Topology t = new Topology(List.of("m1", "w1", "w2", "w3"));
        assertEquals(List.of("m1", "w1", "w2", "w3"), t.reachableFrom("w2"));
        t.linkDown("w2", "w1");
        assertEquals(List.of("m1", "w2", "w3"), t.reachableFrom("w2"));
    }

    @Test
    void removedHostsReachNobodyAndAddedOnesJoinTheSegment() {
        Topology t = new Topology(List.of("m1", "w1", "w2", "w3"));
        t.removeHost("w3");
        assertFalse(t.canReach("m1", "w3"));
        t.addHost("w4");
        assertTrue(t.canReach("w4", "w1"));
    }

    @Test
    void aHostAddedDuringAPartitionJoinsTheFirstHostsGroup() {
        Topology t = new Topology(List.of("m1", "w1"));
        t.partition(List.of(List.of("m1"), List.of("w1")));
        t.addHost("w2");
        assertTrue(t.canReach("w2", "m1"));
        assertFalse(t.canReach("w2", "w1"));
    }

    @Test
    void zoneDownTakesEveryHostOfTheZoneAndZoneUpBringsThemBack() {
        Map<String, Optional<String>> zones = new LinkedHashMap<>();
        zones.put("m1", Optional.empty());
        zones.put("a1", Optional.of("a"));
        zones.put("a2", Optional.of("a"));
        zones.put("b1", Optional.of("b"));
        Topology t = Topology.zoned(zones, HOP, 1_000_000L);
        assertEquals(List.of("a1", "a2"), t.zoneDown("a"));
        assertFalse(t.canReach("m1", "a1"));
        assertTrue(t.canReach("m1", "b1"));
        t.zoneUp("a");
        assertTrue(t.canReach("a2", "b1"));
    }

    /** Latencies are shortest paths over the graph; hosts are leaves. */
    record Latency(String name, String from, String to, OptionalLong nanos) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Latency> latencies() {
        return Stream.of(
                new Latency("same zone: two hops", "a1", "a2", OptionalLong.of(2 * HOP)),
                new Latency("across zones: up, over the core, down", "a1", "b1", OptionalLong.of(2 * HOP + 2 * 1_000_000L)),
                new Latency("to a host on the core", "a1", "m1", OptionalLong.of(2 * HOP + 1_000_000L)),
                new Latency("to itself", "b1", "b1", OptionalLong.of(0)),
                new Latency("to a stranger", "b1", "nobody", OptionalLong.empty()));
    }

    @ParameterizedTest
    @MethodSource("latencies")
    void pathLatency(Latency c) {
        Map<String, Optional<String>> zones = new LinkedHashMap<>();
        zones.put("m1", Optional.empty());
        zones.put("a1", Optional.of("a"));
        zones.put("a2", Optional.of("a"));
        zones.put("b1", Optional.of("b"));
        Topology t = Topology.zoned(zones, HOP, 1_000_000L);
        assertEquals(c.nanos, t.latencyNanos(c.from, c.to));
    }

    @Test
    void aSecondPathTakesOverWhenTheShortOneFails() {
        Topology t = new Topology(List.of());
        t.addDevice("sw1");
        t.addDevice("sw2");
        t.addLink("sw1", "sw2", 10_000_000L);
        t.addLink(Topology.LAN, "sw1", 1_000_000L);
        t.addHost("h1", Optional.empty(), Topology.LAN, HOP);
        t.addHost("h2", Optional.empty(), "sw2", HOP);
        t.addLink(Topology.LAN, "sw2", 1_000_000L);
        assertEquals(OptionalLong.of(2 * HOP + 1_000_000L), t.latencyNanos("h1", "h2"));
        assertEquals(List.of(), t.singlePointsOfFailure(), "the triangle of switches has no bridge");
        t.linkDown(Topology.LAN, "sw2");
        assertEquals(OptionalLong.of(2 * HOP + 11_000_000L), t.latencyNanos("h1", "h2"));
        assertEquals(2, t.singlePointsOfFailure().size(), "now both remaining switch links are bridges");
    }

    @Test
    void componentsAreSortedBySmallestHostNameAndLeaveDownHostsOut() {
        Topology t = new Topology(List.of("m1", "w1", "w2", "w3"));
        t.partition(List.of(List.of("w3", "w1"), List.of("m1")));
        t.hostDown("w2");
        assertEquals(List.of(List.of("m1"), List.of("w1", "w3")), t.components());
    }

    @Test
    void everyChangeStartsANewEpoch() {
        Topology t = new Topology(List.of("m1", "w1"));
        long e = t.epoch();
        t.linkDown("m1", "w1");
        assertNotEquals(e, t.epoch());
        long e2 = t.epoch();
        t.linkDown("m1", "w1");
        assertEquals(e2, t.epoch(), "cutting a cut link changes nothing");
    }

    @Test
    void hostsCannotBeLinkedToEachOther() {
        Topology t = new Topology(List.of("m1", "w1"));
        assertThrows(IllegalArgumentException.class, () -> t.addLink("m1", "w1", HOP));
    }
}
