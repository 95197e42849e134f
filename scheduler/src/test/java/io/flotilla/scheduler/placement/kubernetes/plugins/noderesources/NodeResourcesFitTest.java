package io.flotilla.scheduler.placement.kubernetes.plugins.noderesources;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.cores;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.list;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.node;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.on;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.placement.kubernetes.Container;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.ScoringStrategy;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import io.flotilla.scheduler.placement.kubernetes.plugins.Harness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go}
 * (TestLeastAllocatedScoringStrategy) and {@code most_allocated_test.go}
 * (TestMostAllocatedScoringStrategy), by name, with the same scores. Upstream quantities such as
 * {@code "cpu": "4000"} are cores; they are given here in millicores.
 */
class NodeResourcesFitTest {

    static final String GPU = "intel.com/foo";

    record Case(String name, Pod pod, List<KubeNode> nodes, List<Harness.Bound> existing, List<Long> want,
            List<ScoringStrategy.ResourceSpec> resources) {
        @Override
        public String toString() {
            return name;
        }
    }

    static KubeNode sized(String name, long cpuCores, long memory) {
        return node(name).cpu(cores(cpuCores)).memory(memory).build();
    }

    /** {@code st.MakePod().Req({cpu: c, memory: m})}: one container per call. */
    static Pod.Builder req(Pod.Builder p, long cpuCores, long memory) {
        return p.request(cores(cpuCores), memory);
    }

    static Pod twoContainers() {
        return req(req(pod("p"), 1000, 2000), 2000, 3000).build();
    }

    static final List<ScoringStrategy.ResourceSpec> DEFAULT = ScoringStrategy.DEFAULT_RESOURCES;
    static final List<ScoringStrategy.ResourceSpec> WITH_EXTENDED = List.of(
            new ScoringStrategy.ResourceSpec("cpu", 1), new ScoringStrategy.ResourceSpec("memory", 1),
            new ScoringStrategy.ResourceSpec(GPU, 1));

    static Stream<Case> leastAllocated() {
        Pod empty = pod("p").build();
        return Stream.of(
                new Case("nothing scheduled, nothing requested", empty,
                        List.of(sized("node1", 4000, 10000), sized("node2", 4000, 10000)), List.of(), list(100, 100), DEFAULT),
                new Case("nothing scheduled, resources requested, differently sized nodes", twoContainers(),
                        List.of(sized("node1", 4000, 10000), sized("node2", 6000, 10000)), List.of(), list(37, 50), DEFAULT),
                new Case("no resources requested, pods scheduled", empty,
                        List.of(sized("node1", 4000, 10000), sized("node2", 4000, 10000)),
                        List.of(on("node1", pod("a")), on("node1", pod("b")), on("node2", pod("c")), on("node2", pod("d"))),
                        list(100, 100), DEFAULT),
                new Case("no resources requested, pods scheduled with resources", empty,
                        List.of(sized("node1", 10000, 20000), sized("node2", 10000, 20000)),
                        List.of(on("node1", req(pod("a"), 3000, 0)), on("node1", req(pod("b"), 3000, 0)),
                                on("node2", req(pod("c"), 3000, 0)), on("node2", req(pod("d"), 3000, 5000))),
                        list(70, 57), DEFAULT),
                new Case("resources requested, pods scheduled with resources", twoContainers(),
                        List.of(sized("node1", 10000, 20000), sized("node2", 10000, 20000)),
                        List.of(on("node1", req(pod("a"), 3000, 0)), on("node2", req(pod("b"), 3000, 5000))),
                        list(57, 45), DEFAULT),
                new Case("resources requested, pods scheduled with resources, differently sized nodes", twoContainers(),
                        List.of(sized("node1", 10000, 20000), sized("node2", 10000, 50000)),
                        List.of(on("node1", req(pod("a"), 3000, 0)), on("node2", req(pod("b"), 3000, 5000))),
                        list(57, 60), DEFAULT),
                new Case("requested resources exceed node capacity", req(pod("p"), 3000, 0).build(),
                        List.of(sized("node1", 4000, 10000), sized("node2", 4000, 10000)),
                        List.of(on("node1", req(pod("a"), 3000, 0)), on("node2", req(pod("b"), 3000, 5000))),
                        list(50, 25), DEFAULT),
                new Case("zero node resources, pods scheduled with resources", empty,
                        List.of(node("node1").build(), node("node2").build()),
                        List.of(on("node1", req(pod("a"), 3000, 0)), on("node2", req(pod("b"), 3000, 5000))),
                        list(0, 0), DEFAULT),
                new Case("nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes",
                        twoContainers(), List.of(sized("node1", 4000, 10000), sized("node2", 6000, 10000)), List.of(),
                        list(41, 50), List.of(new ScoringStrategy.ResourceSpec("memory", 2), new ScoringStrategy.ResourceSpec("cpu", 1))),
                new Case("bypass extended resource if the pod does not request", twoContainers(),
                        List.of(sized("node1", 6000, 10000), node("node2").cpu(cores(6000)).memory(10000).allocatable(GPU, 4).build()),
                        List.of(), list(50, 50), WITH_EXTENDED),
                new Case("honor extended resource if the pod requests",
                        pod("p").container(Container.of("c", "").withRequest("cpu", cores(3000)).withRequest("memory", 5000)
                                .withRequest(GPU, 2)).build(),
                        List.of(node("node1").cpu(cores(6000)).memory(10000).allocatable(GPU, 4).build(),
                                node("node2").cpu(cores(6000)).memory(10000).allocatable(GPU, 10).build()),
                        List.of(), list(50, 60), WITH_EXTENDED),
                new Case("if the node doesn't have a resource", req(pod("p"), 3000, 4000).build(),
                        List.of(sized("node1", 6000, 10000), node("node2").cpu(cores(6000)).memory(10000).allocatable(GPU, 4).build()),
                        List.of(), list(55, 55), List.of(new ScoringStrategy.ResourceSpec(GPU, 2),
                                new ScoringStrategy.ResourceSpec("cpu", 1), new ScoringStrategy.ResourceSpec("memory", 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leastAllocated")
    void leastAllocatedScoringStrategy(Case c) {
        ScoringStrategy s = new ScoringStrategy(ScoringStrategy.Type.LEAST_ALLOCATED, c.resources, List.of());
        assertEquals(c.want, list(Harness.score(new NodeResourcesFit(s), Harness.cluster(c.nodes, c.existing), c.pod)));
    }

    static Stream<Case> mostAllocated() {
        Pod empty = pod("p").build();
        Pod noRequests = pod("p").container(Container.of("container", "")).build();
        return Stream.of(
                new Case("nothing scheduled, nothing requested", empty,
                        List.of(sized("node1", 4000, 10000), sized("node2", 4000, 10000)), List.of(), list(0, 0), DEFAULT),
                new Case("nothing scheduled, resources requested, differently sized nodes", twoContainers(),
                        List.of(sized("node1", 4000, 10000), sized("node2", 6000, 10000)), List.of(), list(62, 50), DEFAULT),
                new Case("no resources requested, pods scheduled with resources", empty,
                        List.of(sized("node1", 10000, 20000), sized("node2", 10000, 20000)),
                        List.of(on("node1", req(pod("a"), 3000, 0)), on("node1", req(pod("b"), 3000, 0)),
                                on("node2", req(pod("c"), 3000, 0)), on("node2", req(pod("d"), 3000, 5000))),
                        list(30, 42), DEFAULT),
                new Case("resources requested, pods scheduled with resources", twoContainers(),
                        List.of(sized("node1", 10000, 20000), sized("node2", 10000, 20000)),
                        List.of(on("node1", req(pod("a"), 3000, 0)), on("node2", req(pod("b"), 3000, 5000))),
                        list(42, 55), DEFAULT),
                new Case("resources requested equal node capacity", req(req(pod("p"), 2000, 4000), 3000, 5000).build(),
                        List.of(sized("node1", 5000, 10000), sized("node2", 10000, 9000)), List.of(), list(95, 75), DEFAULT),
                new Case("nothing scheduled, resources requested, differently sized nodes (memory weight 2)", twoContainers(),
                        List.of(sized("node1", 4000, 10000), sized("node2", 6000, 10000)), List.of(), list(58, 50),
                        List.of(new ScoringStrategy.ResourceSpec("memory", 2), new ScoringStrategy.ResourceSpec("cpu", 1))),
                new Case("no resources requested, pods scheduled, nonzero request for resource", noRequests,
                        List.of(node("node1").cpu(250).memory(1000L << 20).build(), node("node2").cpu(250).memory(1000L << 20).build()),
                        List.of(on("node1", pod("a").container(Container.of("container", ""))),
                                on("node1", pod("b").container(Container.of("container", "")))),
                        list(80, 30), DEFAULT),
                new Case("bypass extended resource if the pod does not request", twoContainers(),
                        List.of(sized("node1", 6000, 10000), node("node2").cpu(cores(6000)).memory(10000).allocatable(GPU, 4).build()),
                        List.of(), list(50, 50), WITH_EXTENDED),
                new Case("honor extended resource if the pod request",
                        pod("p").container(Container.of("c", "").withRequest("cpu", cores(3000)).withRequest("memory", 5000)
                                .withRequest(GPU, 2)).build(),
                        List.of(node("node1").cpu(cores(6000)).memory(10000).allocatable(GPU, 4).build(),
                                node("node2").cpu(cores(6000)).memory(10000).allocatable(GPU, 10).build()),
                        List.of(), list(50, 40), WITH_EXTENDED),
                new Case("if the node doesn't have a resource", req(pod("p"), 3000, 4000).build(),
                        List.of(sized("node1", 6000, 10000), node("node2").cpu(cores(6000)).memory(10000).allocatable(GPU, 4).build()),
                        List.of(), list(45, 45), List.of(new ScoringStrategy.ResourceSpec(GPU, 2),
                                new ScoringStrategy.ResourceSpec("cpu", 1), new ScoringStrategy.ResourceSpec("memory", 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mostAllocated")
    void mostAllocatedScoringStrategy(Case c) {
        ScoringStrategy s = new ScoringStrategy(ScoringStrategy.Type.MOST_ALLOCATED, c.resources, List.of());
        assertEquals(c.want, list(Harness.score(new NodeResourcesFit(s), Harness.cluster(c.nodes, c.existing), c.pod)));
    }

    /** least_allocated_test.go and most_allocated_test.go: "resource with negative weight", "... zero weight", "... larger than MaxNodeScore". */
    @Test
    void weightsOutsideOneToHundredAreRejectedNamingTheField() {
        for (int[] bad : new int[][] {{-1, 1}, {1, 0}, {1, 101}}) {
            var resources = List.of(new ScoringStrategy.ResourceSpec("memory", bad[0]), new ScoringStrategy.ResourceSpec("cpu", bad[1]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ScoringStrategy(ScoringStrategy.Type.LEAST_ALLOCATED, resources, List.of()));
            String field = bad[0] == -1 ? "scoringStrategy.resources[0].weight" : "scoringStrategy.resources[1].weight";
            assertTrue(e.getMessage().startsWith(field), e.getMessage());
        }
    }

    /**
     * requested_to_capacity_ratio_test.go, TestRequestedToCapacityRatioScoringStrategy "nothing
     * scheduled, resources requested, differently sized nodes" with the bin-packing shape
     * {0,0},{100,10}: the MostAllocated scores, rounded instead of truncated (62.5 becomes 63).
     */
    @Test
    void requestedToCapacityRatioBinPackingRounds() {
        ScoringStrategy s = ScoringStrategy.requestedToCapacityRatio(
                List.of(new ScoringStrategy.ShapePoint(0, 0), new ScoringStrategy.ShapePoint(100, 10)));
        Cache c = Harness.cluster(List.of(sized("node1", 4000, 10000), sized("node2", 6000, 10000)), List.of());
        assertEquals(list(63, 50), list(Harness.score(new NodeResourcesFit(s), c, twoContainers())));
    }

    @Test
    void filterNamesEveryInsufficientResourceAndTooManyPods() {
        Cache c = Harness.cluster(List.of(node("n1").cpu(1000).memory(1000).allocatable("pods", 1).build()),
                List.of(on("n1", pod("a").request(600, 600))));
        Status s = Harness.filter(new NodeResourcesFit(ScoringStrategy.leastAllocated()), c,
                pod("p").request(500, 500).build(), "n1");
        assertEquals(Status.Code.UNSCHEDULABLE, s.code());
        assertEquals(List.of("Too many pods", "Insufficient cpu", "Insufficient memory"), s.reasons());
    }

    @Test
    void aRequestLargerThanTheNodeIsUnresolvable() {
        Cache c = Harness.cluster(List.of(node("n1").cpu(1000).memory(1000).build()), List.of());
        Status s = Harness.filter(new NodeResourcesFit(ScoringStrategy.leastAllocated()), c,
                pod("p").request(2000, 10).build(), "n1");
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
        assertEquals(List.of("Insufficient cpu"), s.reasons());
    }

    @Test
    void defaultRequestsAreForScoringOnly() {
        // a pod without requests fits a node with no cpu left: the Filter does not use 100m
        Cache c = Harness.cluster(List.of(node("n1").cpu(1000).memory(1L << 30).build()),
                List.of(on("n1", pod("a").request(1000, 0))));
        Pod bare = pod("p").container(Container.of("c", "img")).build();
        assertEquals(Status.SUCCESS, Harness.filter(new NodeResourcesFit(ScoringStrategy.leastAllocated()), c, bare, "n1"));
    }
}
