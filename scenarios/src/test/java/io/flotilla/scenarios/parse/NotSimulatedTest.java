package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scenarios.model.PodManagementPolicy;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.VolumeClaimTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the format names but a run would not honour yet is refused, each at its position, never
 * silently ignored. Statefulsets, storage classes and the Kubernetes-only actions run under the
 * kubernetes strategy; a file that runs them under the swarm strategy is refused at each of them.
 */
class NotSimulatedTest {

    private static final long MI = 1024L * 1024;
    private static final long GI = 1024 * MI;

    @Test
    void statefulsetsAndStorageClassesRunUnderSwarmToo() throws Exception {
        ParseOutcome outcome = new ScenarioParser().parse(ScenarioParserTest.resource("not-simulated.yaml"));
        assertEquals(List.of(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    /**
     * The contract's network, traffic, health and storage example under its swarm strategy: the
     * Kubernetes node actions, and nodes that come and go, are refused at their keys; everything else
     * (statefulsets, storage classes, volumes, plugins, the storage driver, backup, restore, the
     * volume check) is accepted as written.
     */
    @Test
    void theDataPlaneContractIsAcceptedButForStorageAndNodeChanges() throws Exception {
        ParseOutcome outcome = new ScenarioParser().parse(ScenarioParserTest.resource("contract-data-plane.yaml"));
        assertEquals(List.of(
                        "51:14: add_node: adding a node during a run is not simulated yet",
                        "52:30: " + OutOfServiceBinder.UNDER_SWARM,
                        "53:28: " + ForceDeleteBinder.UNDER_SWARM),
                outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertEquals(List.of(), outcome.warnings());
    }

    @Test
    void aStartIntervalAndRemoveNodeAreRefusedToo() {
        ParseOutcome outcome = new ScenarioParser().parse("refused.yaml", """
                scenario: refused
                nodes: [{name: manager-1, role: manager}, {name: worker-1}]
                services:
                  web: {healthcheck: {interval: 5s, start_interval: 1s}}
                timeline:
                  - {at: 1m, remove_node: worker-1}
                """);
        assertEquals(List.of(
                        "4:37: start_interval: a start interval (probes during the start period run every interval) is not simulated yet",
                        "6:14: remove_node: removing a node during a run is not simulated yet"),
                outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    /** An attach limit is a CSI driver's, read by kube-scheduler: the swarm strategy says so at the key. */
    @Test
    void anAttachLimitIsKubernetesOwn() {
        String file = """
                scenario: limits
                strategy: %s
                nodes: [{name: manager-1, role: manager}, {name: worker-1}]
                storage_classes:
                  shared: {type: network, max_volumes_per_node: 2}
                """;
        ParseOutcome swarm = new ScenarioParser().parse("limits.yaml", file.formatted("swarm"));
        assertEquals(List.of("5:27: " + DeclarationsBinder.MAX_VOLUMES_UNDER_SWARM),
                swarm.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        ParseOutcome kube = new ScenarioParser().parse("limits.yaml", file.formatted("kubernetes"));
        assertEquals(List.of(), kube.problems());
        assertEquals(2, kube.scenario().orElseThrow().storageClasses().get("shared").maxVolumesPerNode());
    }

    /**
     * A network class's zones and attach and detach delays are Kubernetes' (a StorageClass's
     * allowedTopologies, a CSI driver's ControllerPublishVolume and ControllerUnpublishVolume): the
     * swarm strategy, whose volume plugins mount anywhere at once, refuses each at its key, saying so.
     */
    @Test
    void zonesAndAttachDelaysAreKubernetesOwn() {
        String file = """
                scenario: delays
                strategy: %s
                nodes: [{name: manager-1, role: manager}, {name: worker-1, labels: {zone: a}}]
                storage_classes:
                  shared: {type: network, zones: [a], attach_delay: 20s, detach_delay: 10s}
                  plain: {type: network}
                """;
        ParseOutcome swarm = new ScenarioParser().parse("delays.yaml", file.formatted("swarm"));
        assertEquals(List.of(
                        "5:27: " + DeclarationsBinder.KUBERNETES_ONLY_CLASS_KEYS.get("zones"),
                        "5:39: " + DeclarationsBinder.KUBERNETES_ONLY_CLASS_KEYS.get("attach_delay"),
                        "5:58: " + DeclarationsBinder.KUBERNETES_ONLY_CLASS_KEYS.get("detach_delay")),
                swarm.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertTrue(swarm.problems().get(1).message().startsWith("attach_delay: the swarm strategy runs a network class as a "
                + "volume plugin"), swarm.problems().get(1).message());
        ParseOutcome kube = new ScenarioParser().parse("delays.yaml", file.formatted("kubernetes"));
        assertEquals(List.of(), kube.problems());
        assertEquals(20_000_000_000L, kube.scenario().orElseThrow().storageClasses().get("shared").attachNanos());
        assertEquals(3, kube.scenario().orElseThrow().swarmProblems().size(), "compare and --strategy swarm refuse it too");
    }

    @Test
    void theStatefulSetSectionIsStillReadAsWritten() throws Exception {
        Path file = ScenarioParserTest.resource("not-simulated.yaml");
        Problems problems = new Problems(file);
        Fields top = Fields.withExtensions(Yaml.compose(Files.readString(file), problems).orElseThrow(), "scenario",
                "the scenario", problems, ScenarioParser.TOP_KEYS).orElseThrow();
        Set<String> classes = DeclarationsBinder.storageClasses(top).keySet();
        List<StatefulSetsBinder.Bound> sets = new StatefulSetsBinder(problems, Set.of("backend"), classes)
                .bind(top.section("statefulsets", "statefulsets", null).orElseThrow());
        assertEquals(List.of(), problems.inFileOrder());

        StatefulSetDecl db = sets.get(0).decl();
        assertEquals("db", db.name());
        assertEquals(3, db.replicas());
        assertEquals("db-headless", db.service());
        assertEquals(PodManagementPolicy.PARALLEL, db.podManagementPolicy());
        assertEquals(List.of(new VolumeClaimTemplate("data", "local-ssd", 10 * GI),
                        new VolumeClaimTemplate("logs", "shared", 512 * MI)),
                db.volumeClaimTemplates());
        assertEquals(1 * GI, db.task().reservations().memoryBytes());
        assertEquals(List.of("node.labels.zone == b"), db.task().placement().constraints());
        assertEquals(List.of("backend"), db.task().networks());
        assertEquals(10, sets.get(0).pod().map(KubernetesPodSpec::priority).orElseThrow());
        assertEquals(Set.of("local-ssd", "shared"), classes);
        assertEquals(Optional.of("WaitForFirstConsumer"),
                DeclarationsBinder.storageClasses(top).values().stream().filter(c -> c.type().equals("local"))
                        .map(c -> c.binding()).findFirst());
    }
}
