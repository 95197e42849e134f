package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    static Path dir;

    static Path scenario;

    record Outcome(int code, String out, String err) {}

    @BeforeAll
    static void writeScenario() throws IOException {
        scenario = Files.writeString(dir.resolve("crash.yaml"), """
                scenario: crash
                until: 2m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 3}
                services:
                  web: {deploy: {replicas: 6}}
                timeline:
                  - {at: 30s, crash: worker-2}
                expect:
                  - running: {web: 6}
                """);
    }

    static Outcome compare(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(all, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void printsOneBlockPerFaultWithTheMedianOverSeeds() {
        Outcome o = compare(scenario.toString(), "--strategies", "swarm", "--seeds", "1..3");
        assertEquals("", o.err());
        assertEquals(ExitCodes.PASSED, o.code());
        assertTrue(o.out().startsWith("scenario crash  seeds 1..3  until 2m  (median of 3 runs"), o.out());
        assertTrue(o.out().contains("\nat 30s: crash worker-2\n  back to desired after   "), o.out());
        assertTrue(o.out().contains("\n  tasks short, at worst   2\n"), o.out());
    }

    @Test
    void jsonHasTheSeedsAndOneRunPerSeed() throws IOException {
        Outcome o = compare(scenario.toString(), "--strategies", "swarm", "--seeds", "4,2", "--json");
        assertEquals(ExitCodes.PASSED, o.code(), o.err());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertEquals("crash", root.get("scenario").asText());
        assertEquals("[4,2]", root.get("seeds").toString());
        assertEquals(2, root.get("runs").size());
        assertEquals(2, root.at("/faults/0/swarm/tasks_moved/median").asInt());
        assertTrue(root.at("/runs/0/requests_failed").isNull());
    }

    @Test
    void theDefaultSeedIsTheScenarios() throws IOException {
        Outcome o = compare(scenario.toString(), "--strategies", "swarm", "--json");
        assertEquals("[1]", new ObjectMapper().readTree(o.out()).get("seeds").toString());
    }

    @Test
    void badSeedsAreInvalidInput() {
        Outcome o = compare(scenario.toString(), "--seeds", "5..1");
        assertEquals(ExitCodes.INVALID_INPUT, o.code());
        assertEquals("flotilla: --seeds: the range 5..1 is empty\n", o.err());
        assertEquals("", o.out());
    }

    @Test
    void anUnknownStrategyIsInvalidInput() {
        Outcome o = compare(scenario.toString(), "--strategies", "swarm,nomad");
        assertEquals(ExitCodes.INVALID_INPUT, o.code());
        assertEquals("flotilla: unknown strategy 'nomad'; expected swarm or kubernetes\n", o.err());
    }

    @Test
    void anInvalidFileIsReportedWithItsPositionAndNothingRuns() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                scenario: bad
                nodes:
                  - {name: manager-1, role: manager}
                services:
                  web: {deploy: {replcas: 2}}
                """);
        Outcome o = compare(bad.toString());
        assertEquals(ExitCodes.INVALID_INPUT, o.code());
        assertTrue(o.err().startsWith(bad + ":5:18: unknown key 'replcas'"), o.err());
        assertEquals("", o.out());
    }

    /** Runs finish in any order on several threads; the output must not show it. */
    @Test
    void theOutputIsTheSameWhateverTheThreadCount() {
        String example = "examples/compare-zone-outage.yaml";
        for (String[] format : new String[][] {{}, {"--json"}}) {
            Outcome one = compare(join(new String[] {example, "--seeds", "1..4", "--threads", "1"}, format));
            Outcome four = compare(join(new String[] {example, "--seeds", "1..4", "--threads", "4"}, format));
            assertEquals(ExitCodes.PASSED, one.code(), one.err());
            assertEquals(one, four);
        }
    }

    @Test
    void noThreadsIsInvalidInput() {
        Outcome o = compare(scenario.toString(), "--threads", "0");
        assertEquals(ExitCodes.INVALID_INPUT, o.code());
        assertEquals("flotilla: --threads must be at least 1, not 0\n", o.err());
        assertEquals("", o.out());
    }

    private static String[] join(String[] first, String[] then) {
        String[] all = Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }
}
