package io.flotilla.network.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

    private final Topology topology = new Topology(List.of("m1", "w1", "w2", "w3"));

    @Test
    void everyHostReachesEveryOtherAtFirst() {
        assertTrue(topology.canReach("m1", "w3"));
        assertEquals(List.of("m1", "w1", "w2", "w3"), topology.reachableFrom("w2"));
    }

    @Test
    void aPartitionCutsBetweenGroupsOnly() {
        topology.partition(List.of(List.of("m1", "w1"), List.of("w2")));
        assertTrue(topology.canReach("m1", "w1"));
        assertFalse(topology.canReach("m1", "w2"));
        assertFalse(topology.canReach("w1", "w3"));
        assertFalse(topology.canReach("w2", "w3"), "unlisted hosts form a group of their own");
        topology.heal();
        assertTrue(topology.canReach("m1", "w2"));
    }

    @Test
    void aFailedLinkBlocksOnlyThatPair() {
        topology.linkDown("w1", "m1");
        assertFalse(topology.canReach("m1", "w1"));
        assertTrue(topology.canReach("m1", "w2"));
        topology.linkUp("m1", "w1");
        assertTrue(topology.canReach("w1", "m1"));
    }

    @Test
    void removedHostsReachNobodyAndAddedOnesJoinTheSegment() {
        topology.removeHost("w3");
        assertFalse(topology.canReach("m1", "w3"));
        topology.addHost("w4");
        assertTrue(topology.canReach("w4", "w1"));
    }
}
