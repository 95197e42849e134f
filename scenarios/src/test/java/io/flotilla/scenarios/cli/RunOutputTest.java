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
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run} writes: {@code --json} is exactly the result object of SCENARIO-FORMAT.md
 * section 4 on stdout, and {@code --events} the event log as JSON Lines.
 */
class RunOutputTest {

    @TempDir
    static Path dir;

    static Path scenario;

    /** Ends 5s after the crash: worker-1 is dead, but the manager has not yet missed its heartbeats. */
    @BeforeAll
    static void writeScenario() {
        scenario = Cli.write(dir, "crash.yaml", """
                scenario: crash
                seed: 7
                until: 35s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2, resources: {cpus: 1, memory: 1GiB}}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 2}}
                  big: {image: "big:1", deploy: {resources: {reservations: {cpus: "2"}}}}
                timeline:
                  - {at: 30s, crash: worker-1}
                expect:
                  - at: 20s
                    running: {web: 2}
                  - running: {web: 1}
                  - node: {worker-1: down}
                  - pending: {big: 1}
                """);
    }

    @Test
    void jsonResultHasTheContractsFieldsAndNothingElseOnStdout() {
        Outcome run = Cli.run("run", scenario.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode result = run.json();
        assertEquals("crash", result.get("scenario").asText());
        assertEquals("swarm", result.get("strategy").asText());
        assertEquals(7, result.get("seed").asLong());
        assertTrue(result.get("seed").isIntegralNumber());
        assertEquals("35s", result.get("end").asText());
        assertTrue(result.get("passed").isBoolean() && result.get("passed").asBoolean());

        JsonNode expectations = result.get("expectations");
        assertEquals(4, expectations.size());
        JsonNode first = expectations.get(0);
        assertEquals(13, first.get("line").asInt(), "the line of the expectation's item");
        assertEquals("running", first.get("check").asText());
        assertEquals("20s", first.get("at").asText());
        assertTrue(first.get("passed").asBoolean());
        assertEquals("web: 2 running", first.get("detail").asText());
        assertEquals("35s", expectations.get(1).get("at").asText(), "no at: the end");
        assertEquals(List.of("running", "running", "node", "pending"), texts(expectations, "check"));

        JsonNode nodes = result.get("nodes");
        assertEquals(List.of("manager-1", "worker-1", "worker-2"), texts(nodes, "name"));
        assertEquals(List.of("manager", "worker", "worker"), texts(nodes, "role"));
        assertEquals(List.of("drain", "active", "active"), texts(nodes, "availability"));
        for (JsonNode node : nodes) {
            for (String field : List.of("name", "role", "state", "availability")) {
                assertTrue(node.get(field).isTextual(), field);
            }
        }

        JsonNode tasks = result.get("tasks");
        assertEquals(List.of("web.1", "web.2", "big.1"), texts(tasks, "name"));
        for (JsonNode task : tasks) {
            for (String field : List.of("name", "service", "node", "state", "desired", "error", "addresses")) {
                assertTrue(task.has(field), field + " in " + task);
            }
            assertTrue(task.get("addresses").isObject());
        }
        JsonNode big = tasks.get(2);
        assertEquals("big", big.get("service").asText());
        assertTrue(big.get("node").isNull(), "unassigned");
        assertEquals("pending", big.get("state").asText());
        assertEquals("running", big.get("desired").asText());
        assertEquals("no suitable node (insufficient resources on 2 nodes; 1 node not available for new tasks)",
                big.get("error").asText());
        JsonNode web2 = tasks.get(1);
        assertEquals("worker-2", web2.get("node").asText());
        assertEquals("running", web2.get("state").asText());
        assertTrue(web2.get("error").isNull());
    }

    /**
     * {@code state} is the truth, the manager's belief sits beside it: 5s after the crash the
     * node and its task are gone, while the manager still believes both are fine.
     */
    @Test
    void jsonKeepsTheTruthApartFromWhatTheManagerBelieves() {
        JsonNode result = Cli.run("run", scenario.toString(), "--json").json();
        JsonNode worker1 = result.get("nodes").get(1);
        assertEquals("down", worker1.get("state").asText());
        assertEquals("ready", worker1.get("believed").asText());
        JsonNode worker2 = result.get("nodes").get(2);
        assertEquals("ready", worker2.get("state").asText());
        assertEquals("ready", worker2.get("believed").asText());

        JsonNode web1 = result.get("tasks").get(0);
        assertEquals("worker-1", web1.get("node").asText());
        assertEquals("failed", web1.get("state").asText());
        assertEquals("running", web1.get("believed").asText());
        assertEquals("running", web1.get("desired").asText(), "the manager has not acted yet");
    }

    /** The newest task of every slot: after the failover, web.1 is the replacement on the other worker. */
    @Test
    void jsonListsTheNewestTaskOfEverySlot() throws IOException {
        Path later = Cli.write(dir, "later.yaml", Files.readString(scenario).replace("until: 35s", "until: 1m"));
        JsonNode result = Cli.run("run", later.toString(), "--json", "--seed", "3").json();
        assertEquals(3, result.get("seed").asLong(), "the command line's seed");
        assertFalse(result.get("passed").asBoolean(), "web has 2 running again at 1m");
        JsonNode tasks = result.get("tasks");
        assertEquals(List.of("web.1", "web.2", "big.1"), texts(tasks, "name"), "one entry per slot");
        List<JsonNode> replaced = new ArrayList<>();
        tasks.forEach(task -> {
            if (task.get("id").asText().endsWith("#2")) {
                replaced.add(task);
            }
        });
        assertEquals(1, replaced.size(), "the slot that was on worker-1 shows its replacement");
        assertEquals("worker-2", replaced.get(0).get("node").asText());
        assertEquals("running", replaced.get(0).get("state").asText());
        assertEquals("down", result.get("nodes").get(1).get("believed").asText());
    }

    /** A slot removed by a scale-down is no longer a slot of the service once its task stopped. */
    @Test
    void jsonLeavesOutSlotsRemovedByAScaleDown() {
        Path scaled = Cli.write(dir, "scaled.yaml", """
                scenario: scaled
                until: 1m
                nodes: [{name: manager-1, role: manager}, {name: worker, count: 2}]
                services:
                  web: {image: nginx, deploy: {replicas: 3}}
                timeline:
                  - {at: 30s, scale: {web: 1}}
                """);
        JsonNode result = Cli.run("run", scaled.toString(), "--json").json();
        assertEquals(1, result.get("tasks").size(), result.get("tasks").toString());
        assertEquals("running", result.get("tasks").get(0).get("state").asText());
    }

    /**
     * Under the kubernetes strategy a task is a pod: {@code name} stays its slot, {@code pod} (and
     * {@code id}) is the pod's name as the API server generates it; the timeline shows the pod's
     * name, with its slot where it is created; the summary counts Terminating pods apart. Here
     * worker-1 is cut off: its pod is evicted and replaced, and stays Terminating until the end.
     */
    @Test
    void kubernetesTasksArePodsWithTheirSlotBeside() {
        Path cut = Cli.write(dir, "cut.yaml", """
                scenario: cut
                until: 2m
                kubernetes: {node_monitor_grace_period: 20s, default_toleration_seconds: 10}
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 2}}
                timeline:
                  - {at: 10s, partition: [[worker-1]]}
                """);
        JsonNode result = Cli.run("run", cut.toString(), "--json", "--strategy", "kubernetes").json();
        JsonNode tasks = result.get("tasks");
        assertEquals(List.of("web.1", "web.2"), texts(tasks, "name"), "one entry per slot");
        for (JsonNode task : tasks) {
            assertTrue(task.get("pod").asText().matches("web-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}"),
                    task.toString());
            assertEquals(task.get("pod"), task.get("id"));
            assertEquals("worker-2", task.get("node").asText(), "the replacement, in the evicted pod's slot");
        }

        String human = Cli.run("run", cut.toString(), "--strategy", "kubernetes").out();
        String firstPod = human.lines().filter(l -> l.contains(" new ")).findFirst().orElseThrow();
        assertTrue(firstPod.trim().matches(".* web-\\S+ +new +created by replica set web-\\S+  \\(slot web\\.1\\)"), firstPod);
        assertTrue(human.contains("  web                  2 running, 0 not running, 1 terminating"), human);

        String swarm = Cli.run("run", cut.toString(), "--json").out();
        assertFalse(swarm.contains("\"pod\""), "a Swarm task is no pod");
    }

    @Test
    void eventsAreWrittenAsJsonLinesWithSeqTimeAndType() throws IOException {
        Path events = dir.resolve("events.jsonl");
        Outcome run = Cli.run("run", scenario.toString(), "--json", "--events", events.toString());
        assertEquals(0, run.code(), run.err());
        run.json(); // stdout still holds only the result
        List<String> lines = Files.readAllLines(events);
        assertFalse(lines.isEmpty());
        long previous = -1;
        Map<String, String> crash = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode event = Cli.JSON.readTree(lines.get(i));
            List<String> fields = new ArrayList<>();
            event.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("seq", "time", "type"), fields.subList(0, 3), lines.get(i));
            assertEquals(i, event.get("seq").asLong());
            long time = io.flotilla.scheduler.time.Durations.parse(event.get("time").asText()).orElseThrow();
            assertTrue(time >= previous, "time never goes back");
            previous = time;
            if (event.get("type").asText().equals("node.crash")) {
                crash.put("time", event.get("time").asText());
                crash.put("node", event.get("node").asText());
            }
        }
        assertEquals(Map.of("node", "worker-1", "time", "30s"), crash);
        assertEquals(Files.readString(events), writeAgain(), "the same run writes the same bytes");
    }

    private static String writeAgain() throws IOException {
        Path again = dir.resolve("again.jsonl");
        assertEquals(0, Cli.run("run", scenario.toString(), "--events", again.toString()).code());
        return Files.readString(again);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.get(field).asText()));
        return out;
    }
}
