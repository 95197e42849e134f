package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example parses cleanly, validates against the schema and describes itself. */
class ExamplesTest {

    static Stream<Path> examples() {
        return SchemaFixture.examples().stream();
    }

    @Test
    void theShippedExamplesAreThere() {
        assertEquals(List.of("bind-mount-vs-volume.yaml", "compare-control-plane-firewall.yaml", "compare-memory-leak.yaml", "compare-pause-vs-stop.yaml",
                        "compare-registry-outage.yaml", "compare-rolling-update.yaml", "compare-tight-taints.yaml",
                        "compare-traffic-failover.yaml", "compare-worker-crash.yaml", "compare-zone-outage.yaml",
                        "container-lifecycle.yaml", "containers-share-the-host.yaml", "dns-vip-dnsrr-tasks.yaml",
                        "dockerfile-layers.yaml", "drain-maintenance.yaml", "encrypted-overlay-zones.yaml",
                        "enterprise-migration.yaml", "firewall-blocks-overlay.yaml", "image-scan-gate.yaml", "ipvlan-network.yaml",
                        "kubernetes-container-lifecycle.yaml", "kubernetes-node-failure.yaml",
                        "macvlan-network.yaml", "manager-quorum-loss.yaml", "multi-stage-failover.yaml",
                        "network-isolation.yaml", "network-policy.yaml", "oci-image-layers.yaml",
                        "partition-duplicates.yaml", "pod-security-restricted.yaml", "resource-exhaustion.yaml",
                        "rolling-update.yaml", "routing-mesh-vs-host-ports.yaml", "secret-rotation.yaml",
                        "statefulset-local-node-loss.yaml", "statefulset-local-volume.yaml",
                        "statefulset-network-volume-failover.yaml", "statefulset-ordered-scaling.yaml",
                        "statefulset-partitioned-update.yaml", "statefulset-replication.yaml",
                        "storage-driver-disk.yaml", "traffic-vip-failover.yaml", "unhealthy-out-of-rotation.yaml",
                        "volume-backup-restore.yaml", "volume-failover.yaml", "volume-prune.yaml",
                        "worker-failover.yaml", "zone-spread.yaml"),
                SchemaFixture.examples().stream().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesWithNoProblemAndNoWarning(Path example) {
        ParseOutcome outcome = new ScenarioParser().parse(example);
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of(), outcome.warnings());
        Scenario s = outcome.scenario().orElseThrow();
        assertEquals(example.getFileName().toString(), s.name() + ".yaml", "the file is named after its scenario");
        assertFalse(s.description().isBlank());
        assertFalse(s.expectations().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstTheSchema(Path example) throws Exception {
        assertEquals(Set.of(), SchemaFixture.validate(example));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void opensWithAOneLineComment(Path example) throws Exception {
        String first = Files.readAllLines(example).get(0);
        assertTrue(first.startsWith("# ") && first.length() > 20, first);
    }
}
