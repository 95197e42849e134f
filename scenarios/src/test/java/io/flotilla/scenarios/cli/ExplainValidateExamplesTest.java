package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.scenarios.cli.Cli.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --json} (SCENARIO-FORMAT.md section 5), {@code validate} and {@code examples}. */
class ExplainValidateExamplesTest {

    @TempDir
    static Path dir;

    static Path scenario;

    /**
     * Two workers take one 1.5-cpu task each; the third task fits nowhere (the manager is not a
     * worker, the small node too small); worker-1 dies at 30s.
     */
    @BeforeAll
    static void writeScenario() {
        scenario = Cli.write(dir, "explain.yaml", """
                scenario: explain
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, resources: {cpus: 4, memory: 8GiB}}
                  - {name: worker, count: 2, resources: {cpus: 2, memory: 2GiB}}
                  - {name: small, resources: {cpus: 1, memory: 1GiB}}
                services:
                  web:
                    image: nginx:1.27
                    deploy:
                      replicas: 3
                      placement: {constraints: ["node.role == worker"]}
                      resources: {reservations: {cpus: "1.5"}}
                timeline:
                  - {at: 30s, crash: worker-1}
                """);
    }

    @Test
    void explainJsonGivesEveryNodesRankingKeysOrRejectingFilter() {
        Outcome run = Cli.run("explain", scenario.toString(), "--task", "web.1", "--at", "10s", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode explained = run.json();
        assertEquals("web.1", explained.get("task").asText());
        assertEquals("swarm", explained.get("strategy").asText());
        assertEquals("50ms", explained.get("at").asText(), "the first scheduler pass");
        assertEquals("worker-1", explained.get("chosen").asText());
        JsonNode nodes = explained.get("nodes");
        assertEquals(List.of("manager-1", "worker-1", "worker-2", "small"), RunOutputTest.texts(nodes, "node"));
        JsonNode manager = nodes.get(0);
        assertFalse(manager.get("feasible").asBoolean());
        assertEquals("scheduling constraints not satisfied", manager.get("reason").asText());
        assertFalse(manager.has("scores"));
        JsonNode small = nodes.get(3);
        assertFalse(small.get("feasible").asBoolean());
        assertEquals("insufficient resources", small.get("reason").asText());
        for (JsonNode worker : List.of(nodes.get(1), nodes.get(2))) {
            assertTrue(worker.get("feasible").asBoolean());
            assertFalse(worker.has("reason"));
            JsonNode scores = worker.get("scores");
            List<String> keys = new ArrayList<>();
            scores.fieldNames().forEachRemaining(keys::add);
            assertTrue(keys.containsAll(List.of("serviceTasks", "totalTasks")), keys.toString());
            assertEquals(0, scores.get("serviceTasks").asInt(), "nothing placed yet when web.1's group was ranked");
        }
    }

    /** Without {@code --at}: the newest decision, here the failed attempt to replace web.1 after worker-1 died. */
    @Test
    void explainWithoutAtExplainsTheNewestDecision() {
        JsonNode explained = Cli.run("explain", scenario.toString(), "--task", "web.1", "--json").json();
        long at = io.flotilla.scheduler.time.Durations.parse(explained.get("at").asText()).orElseThrow();
        assertTrue(at > 30_000_000_000L, explained.toString());
        assertTrue(explained.get("chosen").isNull());
        assertEquals("no suitable node (insufficient resources on 2 nodes; 1 node not available for new tasks;"
                + " scheduling constraints not satisfied on 1 node)", explained.get("error").asText());
        JsonNode worker1 = explained.get("nodes").get(1);
        assertEquals("not available for new tasks", worker1.get("reason").asText(), "it is down now");
    }

    @Test
    void explainInWordsWithoutJson() {
        Outcome run = Cli.run("explain", scenario.toString(), "--task", "web.3", "--at", "10s");
        assertEquals(0, run.code(), run.err());
        // As swarmkit counts it: after the group's first two tasks, the two workers were full.
        assertEquals(List.of(
                "task web.3 at 50ms: no suitable node (insufficient resources on 2 nodes)",
                "  manager-1            rejected: scheduling constraints not satisfied",
                "  worker-1             rejected: insufficient resources",
                "  worker-2             rejected: insufficient resources",
                "  small                rejected: insufficient resources"), run.out().lines().toList());
    }

    /** Under the kubernetes strategy the slot's pod is named beside it. */
    @Test
    void explainNamesTheSlotsPodUnderKubernetes() {
        Outcome json = Cli.run("explain", scenario.toString(), "--task", "web.1", "--at", "10s", "--json",
                "--strategy", "kubernetes");
        assertEquals(0, json.code(), json.err());
        JsonNode explained = json.json();
        assertEquals("web.1", explained.get("task").asText());
        String pod = explained.get("pod").asText();
        assertTrue(pod.matches("web-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}"), pod);
        Outcome words = Cli.run("explain", scenario.toString(), "--task", "web.1", "--at", "10s", "--strategy", "kubernetes");
        assertTrue(words.out().startsWith("task web.1 (pod " + pod + ") at 0s: placed on "), words.out());
        assertFalse(Cli.run("explain", scenario.toString(), "--task", "web.1", "--json").json().has("pod"));
    }

    @Test
    void validateChecksEveryFileAndRunsNothing() {
        Path bad = Cli.write(dir, "bad.yaml", "scenario: bad\nnodes: []\nservices: {web: {deploy: {replicas: -1}}}\n");
        Outcome ok = Cli.run("validate", scenario.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(scenario + ": valid\n", ok.out());
        Outcome mixed = Cli.run("validate", bad.toString(), scenario.toString());
        assertEquals(2, mixed.code());
        assertEquals(scenario + ": valid\n", mixed.out(), "the good file is still checked");
        assertEquals(List.of(
                bad + ":2:8: a scenario needs 'nodes' with at least one node",
                bad + ":3:37: replicas: must be at least 0, got -1"), mixed.err().lines().toList(), "every problem");
    }

    @Test
    void examplesListsEveryShippedExampleWithItsDescription() throws IOException {
        Path examples = Path.of("examples").toAbsolutePath();
        String home = System.getProperty("flotilla.home");
        System.setProperty("flotilla.home", examples.getParent().getParent().toString());
        Outcome run;
        try {
            run = Cli.run("examples");
        } finally {
            if (home == null) {
                System.clearProperty("flotilla.home");
            } else {
                System.setProperty("flotilla.home", home);
            }
        }
        assertEquals(0, run.code(), run.err());
        List<Path> files;
        try (Stream<Path> list = Files.list(examples)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> lines = run.out().lines().toList();
        assertEquals(files.size(), lines.size(), run.out());
        assertTrue(files.size() >= 6);
        int column = -1;
        for (int i = 0; i < files.size(); i++) {
            String description = Files.readAllLines(files.get(i)).stream()
                    .filter(l -> l.startsWith("description:"))
                    .map(l -> l.substring("description:".length()).trim().replaceAll("^\"|\"$", ""))
                    .findFirst().orElseThrow();
            String line = lines.get(i);
            // The tests run in the scenarios module: the examples lie under it, so the paths are relative to it.
            String path = line.substring(0, line.indexOf(' '));
            assertEquals("examples/" + files.get(i).getFileName(), path, line);
            assertTrue(Files.isRegularFile(Path.of(path)), "a path that works from here: " + path);
            assertTrue(line.endsWith(" " + description), line + " should end with " + description);
            int starts = line.length() - description.length();
            assertTrue(column < 0 || column == starts, "every description starts in one column: " + line);
            column = starts;
        }
    }

    /** From a directory the examples do not lie under, the paths are absolute. */
    @Test
    void examplesPrintsAbsolutePathsFromElsewhere() {
        Path example = Path.of("examples", "worker-failover.yaml").toAbsolutePath();
        assertEquals(example.toString(), ExampleFiles.shown(example, Path.of("/somewhere/else")));
        assertEquals("examples/worker-failover.yaml", ExampleFiles.shown(example, example.getParent().getParent()));
    }
}
