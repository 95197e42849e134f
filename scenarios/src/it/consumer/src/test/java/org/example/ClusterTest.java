package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.api.Flotilla;
import io.flotilla.scenarios.api.SimulatedRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The cluster's scenarios, each expectation a test, and a question asked from Java. */
class ClusterTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Flotilla.dynamicTests(Path.of("src/test/scenarios"));
    }

    @Test
    void tasksSpreadOverTheWorkers() {
        SimulatedRun run = Flotilla.runYaml("""
                scenario: placement
                nodes: [{name: manager-1, role: manager, availability: drain}, {name: worker, count: 2}]
                services: {web: {image: nginx, deploy: {replicas: 4}}}
                """);
        assertEquals(Map.of("worker-1", 2, "worker-2", 2), run.placement("web"));
    }
}
