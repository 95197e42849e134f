package io.flotilla.scheduler.placement.swarm;

import static io.flotilla.scheduler.placement.swarm.Fixtures.node;
import static io.flotilla.scheduler.placement.swarm.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pass as a function: determinism, spread edge cases, explanations. */
class PlacementContractTest {

    private static List<Node> nodes(Fixtures.NodeBuilder... b) {
        return Arrays.stream(b).map(Fixtures.NodeBuilder::build).toList();
    }

    private static List<Task> tasks(Fixtures.TaskBuilder... b) {
        return Arrays.stream(b).map(Fixtures.TaskBuilder::build).toList();
    }

    private static Map<String, Integer> perNode(PlacementResult r) {
        Map<String, Integer> m = new TreeMap<>();
        r.assignments().forEach(a -> m.merge(a.node(), 1, Integer::sum));
        return m;
    }

    @Test
    @DisplayName("the same request gives the same result, and ties go to the first node listed")
    void deterministic() {
        List<Fixtures.TaskBuilder> many = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            many.add(task("t" + i).service(i % 2 == 0 ? "a" : "b").spread("node.labels.zone"));
        }
        PlacementRequest request = PlacementRequest.of(
                nodes(node("n3").label("zone", "z2"), node("n1").label("zone", "z1"), node("n2").label("zone", "z1")),
                many.stream().map(Fixtures.TaskBuilder::build).toList(), 0);
        PlacementResult first = new SwarmPlacement().place(request);
        assertEquals(first, new SwarmPlacement().place(request));
        assertEquals(new Assignment("t0", "n1", Assignment.ASSIGNED), first.assignments().get(0),
                "zone z1 comes first; n1 is listed before n2");
    }

    @Test
    @DisplayName("a drained zone is still a branch: its share moves to the others")
    void drainedZoneStillABranch() {
        PlacementResult r = new SwarmPlacement().place(PlacementRequest.of(
                nodes(node("a1").label("zone", "a").availability(Availability.DRAIN),
                        node("b1").label("zone", "b"), node("b2").label("zone", "b"),
                        node("c1").label("zone", "c").status(NodeStatus.DOWN)),
                tasks(task("t1").spread("node.labels.zone"), task("t2").spread("node.labels.zone"),
                        task("t3").spread("node.labels.zone"), task("t4").spread("node.labels.zone")),
                0));
        assertEquals(Map.of("b1", 2, "b2", 2), perNode(r));
    }

    @Test
    @DisplayName("nodes without the label form the \"\" branch, with an equal share")
    void missingLabelIsABranch() {
        PlacementResult r = new SwarmPlacement().place(PlacementRequest.of(
                nodes(node("b1").label("zone", "b"), node("b2").label("zone", "b"), node("x")),
                tasks(task("t1").spread("node.labels.zone"), task("t2").spread("node.labels.zone"),
                        task("t3").spread("node.labels.zone"), task("t4").spread("node.labels.zone")),
                0));
        assertEquals(Map.of("b1", 1, "b2", 1, "x", 2), perNode(r));
    }

    @Test
    @DisplayName("descriptors other than node.labels.* and engine.labels.* add no level")
    void otherDescriptorsAreSkipped() {
        PlacementResult r = new SwarmPlacement().place(PlacementRequest.of(
                nodes(node("a1").engineLabel("rack", "1"), node("a2").engineLabel("rack", "1"), node("b1").engineLabel("rack", "2")),
                tasks(task("t1").spread("node.hostname").spread("engine.labels.rack"),
                        task("t2").spread("node.hostname").spread("engine.labels.rack")),
                0));
        assertEquals(Map.of("a1", 1, "b1", 1), perNode(r));
    }

    @Test
    @DisplayName("another service's tasks go first to nodes with fewer tasks in total")
    void fewerTasksInTotalBreaksTies() {
        PlacementResult r = new SwarmPlacement().place(PlacementRequest.of(
                nodes(node("n1"), node("n2")),
                tasks(task("x").service("other").on("n1"), task("t").service("web")),
                0));
        assertEquals(List.of(new Assignment("t", "n2", Assignment.ASSIGNED)), r.assignments());
    }

    @Test
    @DisplayName("explanations: verdicts at decision time, only for the ids asked for")
    void explanations() {
        List<Node> nodes = nodes(node("small").cpus(1), node("down").cpus(4).status(NodeStatus.DOWN),
                node("big").cpus(4), node("busy").cpus(2));
        List<Task> tasks = tasks(task("x").service("other").on("busy"), task("t1").cpus(2), task("t2").cpus(2),
                task("t3").cpus(2), task("t4").cpus(2));
        SwarmPlacement placement = new SwarmPlacement();
        assertEquals(List.of(), placement.place(PlacementRequest.of(nodes, tasks, 0)).explanations());

        PlacementResult r = placement.place(new PlacementRequest(nodes, tasks, 0, FailureHistory.NONE, Set.of("t2", "t4")));
        assertEquals(List.of("t2", "t4"), r.explanations().stream().map(Explanation::taskId).toList());

        Explanation t2 = r.explanations().get(0);
        assertEquals(Optional.of("busy"), t2.chosen(), "big already has t1: same service count, busy has fewer in total");
        assertEquals(new NodeVerdict("small", false, "insufficient resources", new TreeMap<>()), t2.nodes().get(0));
        assertEquals(new NodeVerdict("down", false, "not available for new tasks", new TreeMap<>()), t2.nodes().get(1));
        assertEquals(new NodeVerdict("big", true, "", new TreeMap<>(Map.of(
                NodeVerdict.RECENT_FAILURES, 0L, NodeVerdict.SERVICE_TASKS, 1L, NodeVerdict.TOTAL_TASKS, 1L))),
                t2.nodes().get(2));
        assertEquals(new NodeVerdict("busy", true, "", new TreeMap<>(Map.of(
                NodeVerdict.RECENT_FAILURES, 0L, NodeVerdict.SERVICE_TASKS, 0L, NodeVerdict.TOTAL_TASKS, 1L))),
                t2.nodes().get(3));

        Explanation t4 = r.explanations().get(1);
        assertEquals(Optional.empty(), t4.chosen());
        assertTrue(t4.nodes().stream().noneMatch(NodeVerdict::feasible));
        // small and down were counted while the tree was built, but big and busy passed after them
        assertEquals(List.of(new Unplaced("t4", "no suitable node (insufficient resources on 2 nodes)")), r.unplaced());
    }

    @Test
    @DisplayName("a preassigned task is explained against its own node only")
    void preassignedExplanation() {
        PlacementResult r = new SwarmPlacement().place(new PlacementRequest(
                nodes(node("n1").cpus(1), node("n2")), tasks(task("g").cpus(2).preassigned("n1")), 0, FailureHistory.NONE,
                Set.of("g")));
        assertEquals(List.of(new Explanation("g", Optional.empty(),
                        List.of(new NodeVerdict("n1", false, "insufficient resources", new TreeMap<>())))),
                r.explanations());
    }
}
