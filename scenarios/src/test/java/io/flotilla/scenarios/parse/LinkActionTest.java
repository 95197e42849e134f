package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.model.Action;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.Fabric;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code link_down} and {@code link_up}: two different nodes of the cluster, and the fabric command each sends. */
class LinkActionTest {

    private static final String CLUSTER = """
            scenario: links
            nodes: [{name: manager-1, role: manager}, {name: worker, count: 2}]
            timeline:
            """;

    @Test
    void linkDownAndUpNameTwoNodesAndSendTheFabricTheirLink() {
        ParseOutcome outcome = new ScenarioParser().parse("links.yaml", CLUSTER + """
                  - {at: 10s, link_down: [manager-1, worker-2]}
                  - {at: 40s, link_up: [worker-2, manager-1]}
                """);
        assertEquals(List.of(), outcome.problems());
        List<Action> actions = outcome.scenario().orElseThrow().timeline().stream().map(t -> t.action()).toList();
        assertEquals(List.of(new Action.Link("manager-1", "worker-2", false), new Action.Link("worker-2", "manager-1", true)), actions);
        assertEquals(List.of(new Cluster.Network(new Fabric.LinkDown("manager-1", "worker-2"))), actions.get(0).commands());
        assertEquals(List.of(new Cluster.Network(new Fabric.LinkUp("worker-2", "manager-1"))), actions.get(1).commands());
        assertEquals("link_down manager-1 worker-2", actions.get(0).describe());
        assertEquals("link_up worker-2 manager-1", actions.get(1).describe());
    }

    @Test
    void bringingUpALinkThatIsUpOrTakingDownOneThatIsDownIsAWarning() {
        ParseOutcome outcome = new ScenarioParser().parse("links.yaml", CLUSTER + """
                  - {at: 10s, link_up: [manager-1, worker-1]}
                  - {at: 20s, link_down: [manager-1, worker-1]}
                  - {at: 30s, link_down: [worker-1, manager-1]}
                  - {at: 40s, heal: all}
                  - {at: 50s, link_up: [manager-1, worker-1]}
                  - {at: 1m, link_down: [manager-1, worker-2]}
                  - {at: 1m10s, link_up: [worker-2, manager-1]}
                """);
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of(
                        "4:24: warning: link_up: the link between 'manager-1' and 'worker-1' is up at 10s (no link_down since the start or the last heal); this link_up does nothing",
                        "6:26: warning: link_down: the link between 'worker-1' and 'manager-1' is already down at 30s (since 20s); this link_down does nothing",
                        "8:24: warning: link_up: the link between 'manager-1' and 'worker-1' is up at 50s (no link_down since the start or the last heal); this link_up does nothing"),
                outcome.warnings().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    record Case(String name, String item, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> problems() {
        return Stream.of(
                new Case("not a list", "  - {at: 1s, link_down: worker-1}",
                        List.of("4:25: link_down: expected a list, got \"worker-1\"")),
                new Case("one node", "  - {at: 1s, link_up: [worker-1]}",
                        List.of("4:23: link_up: a link joins two nodes, such as [worker-1, worker-2]; got 1 node")),
                new Case("three nodes, one unknown", "  - {at: 1s, link_down: [worker-1, worker-2, worker-9]}",
                        List.of("4:25: link_down: a link joins two nodes, such as [worker-1, worker-2]; got 3 nodes",
                                "4:46: unknown node 'worker-9'; did you mean 'worker-1'?")),
                new Case("no node", "  - {at: 1s, link_down: []}",
                        List.of("4:25: link_down: a link joins two nodes, such as [worker-1, worker-2]; got 0 nodes")),
                new Case("the same node twice", "  - {at: 1s, link_down: [worker-1, worker-1]}",
                        List.of("4:36: link_down: a link joins two different nodes; 'worker-1' is named twice")),
                new Case("an unknown node", "  - {at: 1s, link_up: [manager-1, wroker-2]}",
                        List.of("4:35: unknown node 'wroker-2'; did you mean 'worker-2'?")),
                new Case("a mapping for a node", "  - {at: 1s, link_up: [manager-1, {name: worker-1}]}",
                        List.of("4:35: link_up: expected a string, got a mapping")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void twoDifferentNodesOfTheCluster(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("links.yaml", CLUSTER + c.item() + "\n");
        assertEquals(c.expected(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }
}
