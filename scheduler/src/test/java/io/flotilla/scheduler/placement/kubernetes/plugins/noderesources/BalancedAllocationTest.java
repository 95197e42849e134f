package io.flotilla.scheduler.placement.kubernetes.plugins.noderesources;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.list;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.node;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.Container;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.ScoringStrategy;
import io.flotilla.scheduler.placement.kubernetes.plugins.Harness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go}
 * (TestNodeResourcesBalancedAllocation), by name, with the same scores; the DRA cases are left out.
 * cpu quantities there are millicores ({@code "1000m"}).
 */
class BalancedAllocationTest {

    static final String GPU = "nvidia.com/gpu";

    record Case(String name, Pod pod, List<KubeNode> nodes, List<Harness.Bound> existing, List<Long> want,
            List<ScoringStrategy.ResourceSpec> resources) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The test's {@code makeNode(name, milliCPU, memory, extended)}. */
    static KubeNode makeNode(String name, long milliCpu, long memory, long gpus) {
        KubeNode.Builder b = node(name).cpu(milliCpu).memory(memory);
        return gpus > 0 ? b.allocatable(GPU, gpus).build() : b.build();
    }

    static Pod.Builder cpuAndMemory(String name) {
        return pod(name).request(1000, 2000).request(2000, 3000);
    }

    static Pod.Builder cpuOnly(String name) {
        return pod(name).request(1000, 0).request(2000, 0);
    }

    static Pod.Builder cpuAndMemoryAndGpu(String name) {
        return pod(name).request(1000, 2000)
                .container(Container.of("c1", "").withRequest("cpu", 2000).withRequest("memory", 3000).withRequest(GPU, 3));
    }

    static final List<ScoringStrategy.ResourceSpec> WITH_GPU = List.of(new ScoringStrategy.ResourceSpec("cpu", 1),
            new ScoringStrategy.ResourceSpec("memory", 1), new ScoringStrategy.ResourceSpec(GPU, 1));

    static Stream<Case> cases() {
        var d = ScoringStrategy.DEFAULT_RESOURCES;
        return Stream.of(
                new Case("nothing scheduled, nothing requested, skip in PreScore", pod("p").build(),
                        List.of(makeNode("node1", 4000, 10000, 0), makeNode("node2", 4000, 10000, 0)), List.of(), null, d),
                new Case("nothing scheduled, resources requested, differently sized nodes", cpuAndMemory("p").build(),
                        List.of(makeNode("node1", 4000, 10000, 0), makeNode("node2", 6000, 10000, 0)), List.of(),
                        list(87, 100), d),
                new Case("resources requested, pods scheduled with resources", cpuAndMemory("p").build(),
                        List.of(makeNode("node1", 10000, 20000, 0), makeNode("node2", 10000, 20000, 0)),
                        List.of(Harness.on("node1", cpuOnly("a")), Harness.on("node2", cpuAndMemory("b"))),
                        list(82, 95), d),
                new Case("resources requested, pods scheduled with resources, differently sized nodes", cpuAndMemory("p").build(),
                        List.of(makeNode("node1", 10000, 20000, 0), makeNode("node2", 10000, 50000, 0)),
                        List.of(Harness.on("node1", cpuOnly("a")), Harness.on("node2", cpuAndMemory("b"))),
                        list(82, 80), d),
                new Case("requested resources at node capacity", cpuOnly("p").build(),
                        List.of(makeNode("node1", 6000, 10000, 0), makeNode("node2", 6000, 10000, 0)),
                        List.of(Harness.on("node1", cpuOnly("a")), Harness.on("node2", cpuAndMemory("b"))),
                        list(50, 75), d),
                new Case("include scalar resource on a node for balanced resource allocation",
                        pod("p").container(Container.of("c", "").withRequest("memory", 0).withRequest(GPU, 1)).build(),
                        List.of(makeNode("node1", 3500, 40000, 8), makeNode("node2", 3500, 40000, 8)),
                        List.of(Harness.on("node2", cpuAndMemory("a")), Harness.on("node1", cpuAndMemoryAndGpu("b"))),
                        list(70, 65), WITH_GPU),
                new Case("node without the scalar resource should skip the scalar resource", cpuAndMemory("p").build(),
                        List.of(makeNode("node1", 3500, 40000, 8), makeNode("node2", 3500, 40000, 0)), List.of(),
                        list(63, 63), WITH_GPU));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nodeResourcesBalancedAllocation(Case c) {
        var plugin = new NodeResourcesBalancedAllocation(c.resources);
        assertEquals(c.want, list(Harness.score(plugin, Harness.cluster(c.nodes, c.existing), c.pod)));
    }
}
