package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The heap a run needs, estimated before it starts: generous for the benchmarks (whose heaps after
 * a full collection are about 210 MiB), and a refusal that says how much is needed when it does
 * not fit.
 */
class MemoryEstimateTest {

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docs/scenario.schema.json"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    static Scenario parse(String yaml) {
        return new ScenarioParser().parse("t.yaml", yaml).scenario().orElseThrow();
    }

    /** The most each benchmark's heap held after a collection (-Xlog:gc, swarm strategy), in MiB; the others are held below a gigabyte only. */
    static final Map<String, Long> MEASURED = Map.of(
            "placement-5000-nodes.yaml", 312L, "crash-every-minute.yaml", 54L, "traffic-1000-nodes.yaml", 285L);

    @Test
    void theBenchmarksAreEstimatedAboveWhatTheyHoldAndBelowAGigabyte() throws Exception {
        try (Stream<Path> bench = Files.list(root().resolve("scenarios/bench"))) {
            for (Path file : bench.toList()) {
                MemoryEstimate e = MemoryEstimate.of(new ScenarioParser().parse(file).scenario().orElseThrow());
                long measured = MEASURED.getOrDefault(file.getFileName().toString(), 0L) << 20;
                assertTrue(e.bytes() > measured && e.bytes() < 1L << 30, file + ": " + e);
                assertEquals(Optional.empty(), e.refusal(1L << 30));
            }
        }
    }

    @Test
    void tasksCountWhatTheTimelineCreates() {
        MemoryEstimate e = MemoryEstimate.of(parse("""
                scenario: t
                nodes: [{name: w, count: 4}]
                services: {web: {deploy: {replicas: 8}}, agent: {deploy: {mode: global}}}
                timeline:
                  - {at: 10s, crash: w-1}
                  - {at: 20s, scale: {web: 20}}
                  - {at: 30s, update: {service: web, image: "nginx:2"}}
                  - {at: 40s, kill_task: web.1}
                """));
        // 8 + 4 at the start, 3 for the crashed node's share, 20 scaled, 20 updated, 1 killed.
        assertEquals(56, e.tasks());
        assertEquals((64L << 20) + 4 * (16L << 10) + 56 * (3L << 10), e.bytes());
    }

    @Test
    void aRunTooBigForTheHeapIsRefusedWithWhatItNeeds() {
        MemoryEstimate e = MemoryEstimate.of(parse("""
                scenario: t
                nodes: [{name: w, count: 100000}]
                networks: {front: {}}
                services: {web: {networks: [front], deploy: {replicas: 1000000}}}
                """));
        assertEquals(Optional.of("this run needs about 5964.9 GiB of memory (100000 nodes, 1000000 tasks, 100000000000 entries "
                        + "in the nodes' network views) and this JVM may use 4.0 GiB; give it more (JDK_JAVA_OPTIONS=-Xmx5965g) "
                        + "or make the scenario smaller (docs/scenario-format.md, Limits)"),
                e.refusal(4L << 30));
    }
}
