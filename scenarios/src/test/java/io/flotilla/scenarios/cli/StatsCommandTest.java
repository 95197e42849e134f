package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.scenarios.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;

/** {@code flotilla stats}: the containers and nodes of a run at one moment, as text or JSON. */
class StatsCommandTest {

    private static final String LEAK = "examples/compare-memory-leak.yaml";

    @Test
    void showsEachContainersUseAgainstItsLimitsAndEachNodesSums() {
        Outcome o = Cli.run("stats", LEAK, "--at", "1m40s");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("stats at 1m40s  strategy swarm\n"), o.out());
        assertTrue(o.out().contains("api.1   worker-1   running   25.00%   0.25           1           400MiB / 512MiB     78.13%   256MiB"),
                o.out());
        assertTrue(o.out().contains("worker-1    ready   4      0.25 (6%)      1 (25%)      0.25 (6%)   8GiB     256MiB (3%)"), o.out());
    }

    @Test
    void asJsonInCoresAndBytes() {
        JsonNode root = Cli.run("stats", LEAK, "--at", "1m40s", "--strategy", "kubernetes", "--json").json();
        assertEquals("kubernetes", root.path("strategy").asText());
        JsonNode first = root.path("containers").get(0);
        assertTrue(first.path("name").asText().startsWith("api."), "a slot");
        assertTrue(first.path("pod").asText().startsWith("api-"));
        assertEquals(0.25, first.path("cpu").path("used").asDouble());
        assertEquals(512L << 20, first.path("memory").path("limit").asLong());
        assertEquals(400L << 20, first.path("memory").path("used").asLong());
        assertEquals(4, root.path("nodes").size());
    }

    @Test
    void aMomentOutsideTheRunIsRefused() {
        assertEquals(2, Cli.run("stats", LEAK, "--at", "soon").code());
        Outcome late = Cli.run("stats", LEAK, "--at", "7m");
        assertEquals(2, late.code());
        assertEquals("flotilla: --at 7m is after the end of the run (until: 6m)\n", late.err());
    }
}
