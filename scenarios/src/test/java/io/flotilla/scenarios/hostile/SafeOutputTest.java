package io.flotilla.scenarios.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.scenarios.hostile.Verdict.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scenario may still hold after its names are checked (descriptions, label and zone values,
 * image names with quotes and {@code <script>}) reaches the output safely: the human timeline
 * shows control characters and line ends as escapes, one line per change; {@code run --json} is
 * valid JSON that gives the text back exactly; the event log is one JSON object per line.
 */
class SafeOutputTest {

    static final String ZONE_A = "a\n     10s  web.9  running  forged\u202E\u0007";
    static final String ZONE_B = "b</script><script>alert(1)</script>\u2028";
    static final String IMAGE = "nginx:\"1.27\"<script>'";

    static final String HOSTILE = """
            scenario: hostile-text
            description: "line\\n     10s  web.1  running  forged \\u202E <script>alert(1)</script>"
            until: 1m
            nodes:
              - {name: manager-1, role: manager, availability: drain, labels: {zone: "a\\n     10s  web.9  running  forged\\u202E\\a"}}
              - {name: worker, count: 2, labels: {zone: "b</script><script>alert(1)</script>\\L"}}
            services:
              web:
                image: "nginx:\\"1.27\\"<script>'"
                deploy: {replicas: 4, placement: {preferences: [{spread: node.labels.zone}]}}
            timeline:
              - {at: 20s, crash: worker-1}
            expect:
              - {at: 50s, running: {web: 4}}
            """;

    @TempDir
    Path dir;

    @Test
    void theHumanTimelineShowsControlCharactersAsEscapes() throws Exception {
        Path file = Files.writeString(dir.resolve("hostile.yaml"), HOSTILE);
        for (String strategy : List.of("swarm", "kubernetes")) {
            Outcome human = Verdict.command("run", file.toString(), "--strategy", strategy);
            assertTrue(human.code() == 0 || human.code() == 1, human.err());
            assertEquals(Optional.empty(), Verdict.timeline(human.out()));
            for (String line : human.out().lines().toList()) {
                assertTrue(line.isEmpty() || line.matches(" {0,9}\\d\\S*  .*|scenario .*|at \\d.*|  .*|expectations:|all .*|\\d+ of .*"),
                        () -> "a line that is neither a timeline line nor the summary: " + line);
            }
            assertTrue(human.out().contains("nginx:\"1.27\"<script>'"), human.out());
        }
    }

    @Test
    void theJsonResultGivesTheTextBackExactly() throws Exception {
        Path file = Files.writeString(dir.resolve("hostile.yaml"), HOSTILE);
        Path events = dir.resolve("events.jsonl");
        for (String strategy : List.of("swarm", "kubernetes")) {
            Outcome run = Verdict.command("run", file.toString(), "--strategy", strategy, "--json", "--events", events.toString());
            assertTrue(run.code() == 0 || run.code() == 1, run.err());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals(IMAGE, json.path("tasks").get(0).path("image").asText());
            assertEquals(Optional.empty(), Verdict.eventLog(events));
            String log = Files.readString(events, StandardCharsets.UTF_8);
            assertTrue(log.lines().allMatch(l -> l.startsWith("{\"seq\":") && l.endsWith("}")), "one event per line");
        }
    }

    @Test
    void theHostileTextReallyIsThere() {
        // The zones are read as written: what the outputs show escaped is the user's own text.
        var scenario = new io.flotilla.scenarios.parse.ScenarioParser().parse("t.yaml", HOSTILE).scenario().orElseThrow();
        assertEquals(ZONE_A, scenario.nodes().get(0).spec().labels().get("zone"));
        assertEquals(ZONE_B, scenario.nodes().get(1).spec().labels().get("zone"));
        assertEquals(IMAGE, scenario.services().get(0).task().image());
    }
}
