package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stand-in IDs: shaped as the real ones, the same for the same run, different for another seed. */
class DisplayIdsTest {

    @Test
    void swarmIdsAreSwarmkitShaped() {
        for (String name : new String[] {"web.1#1", "web.2#1", "worker-1", "a"}) {
            String id = new DisplayIds(7).swarm("task", name);
            assertTrue(id.matches("[0-9a-z]{25}"), id);
        }
    }

    @Test
    void theSameRunShowsTheSameIds() {
        assertEquals(new DisplayIds(7).swarm("task", "web.1#1"), new DisplayIds(7).swarm("task", "web.1#1"));
        assertEquals(new DisplayIds(7).container("web.1#1"), new DisplayIds(7).container("web.1#1"));
    }

    @Test
    void anotherSeedOrKindShowsOthers() {
        assertNotEquals(new DisplayIds(7).swarm("task", "web.1#1"), new DisplayIds(8).swarm("task", "web.1#1"));
        assertNotEquals(new DisplayIds(7).swarm("task", "worker-1"), new DisplayIds(7).swarm("node", "worker-1"));
    }

    @Test
    void containerIdsUidsAndDigestsHaveTheirShapes() {
        DisplayIds ids = new DisplayIds(1);
        assertTrue(ids.container("x").matches("[0-9a-f]{64}"));
        assertTrue(ids.imageDigest("nginx:1.27").matches("sha256:[0-9a-f]{64}"));
        assertTrue(ids.uid("pod", "web-abc").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }
}
