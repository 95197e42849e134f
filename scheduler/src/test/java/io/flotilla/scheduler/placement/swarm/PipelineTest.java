package io.flotilla.scheduler.placement.swarm;

import static io.flotilla.scheduler.placement.swarm.Fixtures.GB;
import static io.flotilla.scheduler.placement.swarm.Fixtures.node;
import static io.flotilla.scheduler.placement.swarm.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The filter pipeline's counting and its summary line (swarmkit pipeline.go, scheduler.go). */
class PipelineTest {

    record Texts(Filter filter, String one, String three) {
        @Override
        public String toString() {
            return filter.getClass().getSimpleName();
        }
    }

    static Stream<Texts> texts() {
        return Stream.of(
                new Texts(new ReadyFilter(), "1 node not available for new tasks", "3 nodes not available for new tasks"),
                new Texts(new ResourceFilter(), "insufficient resources on 1 node", "insufficient resources on 3 nodes"),
                new Texts(new PluginFilter(), "missing plugin on 1 node", "missing plugin on 3 nodes"),
                new Texts(new ConstraintFilter(),
                        "scheduling constraints not satisfied on 1 node", "scheduling constraints not satisfied on 3 nodes"),
                new Texts(new PlatformFilter(), "unsupported platform on 1 node", "unsupported platform on 3 nodes"),
                new Texts(new HostPortFilter(), "host-mode port already in use on 1 node", "host-mode port already in use on 3 nodes"),
                new Texts(new MaxReplicasFilter(), "max replicas per node limit exceed", "max replicas per node limit exceed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void eachFilterOwnsUpstreamTexts(Texts t) {
        assertEquals(t.one(), t.filter().explain(1));
        assertEquals(t.three(), t.filter().explain(3));
    }

    @org.junit.jupiter.api.Test
    void filtersRunInSwarmkitOrder() {
        assertEquals(
                List.of(ReadyFilter.class, ResourceFilter.class, PluginFilter.class, ConstraintFilter.class, PlatformFilter.class,
                        HostPortFilter.class, MaxReplicasFilter.class),
                Pipeline.FILTERS.stream().map(Object::getClass).toList());
    }

    record Case(String name, List<Fixtures.NodeBuilder> nodes, List<Fixtures.TaskBuilder> tasks, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> summaries() {
        Fixtures.TaskBuilder needsMemory = task("t").memory(2 * GB);
        return Stream.of(
                new Case("TestSchedulerNoReadyNodes: nothing failed, no parentheses", List.of(), List.of(task("t")),
                        "no suitable node"),
                new Case("a node that is not ready is not counted again for resources", List.of(
                                node("unknown").status(NodeStatus.UNKNOWN).memory(GB), node("small").memory(GB)),
                        List.of(needsMemory),
                        "no suitable node (1 node not available for new tasks; insufficient resources on 1 node)"),
                new Case("most failures first", List.of(
                                node("a").label("zone", "b"), node("b").label("zone", "b"), node("c").label("zone", "b"),
                                node("d").availability(Availability.DRAIN)),
                        List.of(task("t").constraint("node.labels.zone==a")),
                        "no suitable node (scheduling constraints not satisfied on 3 nodes; 1 node not available for new tasks)"),
                new Case("ties keep pipeline order", List.of(
                                node("p").platform("windows", "amd64"), node("d").status(NodeStatus.DOWN)),
                        List.of(task("t").platform("linux", "amd64")),
                        "no suitable node (1 node not available for new tasks; unsupported platform on 1 node)"),
                new Case("PAUSE is not available either", List.of(node("p").availability(Availability.PAUSE)),
                        List.of(task("t")), "no suitable node (1 node not available for new tasks)"),
                new Case("a feasible node resets the counts: only nodes checked after it are explained", List.of(
                                node("x").label("zone", "b"), node("ok").label("zone", "a"), node("y").label("zone", "b")),
                        List.of(task("t1").constraint("node.labels.zone==a").maxReplicas(1),
                                task("t2").constraint("node.labels.zone==a").maxReplicas(1)),
                        "no suitable node (scheduling constraints not satisfied on 1 node; max replicas per node limit exceed)"),
                new Case("a generic kind the node lacks never fits", List.of(node("n").generic("apple", 3)),
                        List.of(task("t").generic("gpu", 1)), "no suitable node (insufficient resources on 1 node)"),
                new Case("not enough of a generic kind", List.of(node("n").generic("gpu", 1)),
                        List.of(task("t").generic("gpu", 2)), "no suitable node (insufficient resources on 1 node)"),
                new Case("CPU is reserved in nano-CPUs", List.of(node("n").cpus(0.5)),
                        List.of(task("t").cpus(0.6)), "no suitable node (insufficient resources on 1 node)"),
                new Case("a volume plugin missing on every node", List.of(node("a"), node("b").plugin("other")),
                        List.of(task("t").volume("files", "azurefile")), "no suitable node (missing plugin on 2 nodes)"),
                new Case("resources are checked before plugins: a small node counts once, for resources", List.of(
                                node("small").memory(GB), node("b").memory(4 * GB)),
                        List.of(task("t").memory(2 * GB).volume("files", "azurefile")),
                        "no suitable node (insufficient resources on 1 node; missing plugin on 1 node)"),
                new Case("plugins are checked before constraints", List.of(node("a").plugin("azurefile").label("zone", "b"), node("b")),
                        List.of(task("t").constraint("node.labels.zone==a").volume("files", "azurefile")),
                        "no suitable node (missing plugin on 1 node; scheduling constraints not satisfied on 1 node)"),
                new Case("a constraint that does not parse is ignored, as swarmkit's filter does",
                        List.of(node("n").status(NodeStatus.DOWN)), List.of(task("t").constraint("zone ~ a")),
                        "no suitable node (1 node not available for new tasks)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("summaries")
    void summaryLine(Case c) {
        FakeStore s = new FakeStore();
        c.nodes().forEach(s::nodes);
        c.tasks().forEach(s::tasks);
        PlacementResult r = s.place();
        assertEquals(c.error(), r.unplaced().get(r.unplaced().size() - 1).error());
    }
}
