package io.flotilla.sim.cluster;

import static io.flotilla.sim.cluster.SmallCluster.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Timeline actions that change nothing say so in the log, at the instant they are taken; the
 * others change what they always did. Two workers run one task of {@code web} each.
 */
class IgnoredActionsTest {

    record Step(long at, Cluster.Command command) {}

    record Case(String name, ClusterSetup.Orchestrator orchestrator, List<Step> timeline, List<String> ignored,
            int crashes, int boots, int killed) {
        @Override
        public String toString() {
            return name + " (" + orchestrator.name().toLowerCase() + ")";
        }
    }

    static Step at(long seconds, Cluster.Command command) {
        return new Step(seconds * S, command);
    }

    static Stream<Case> cases() {
        return Stream.of(ClusterSetup.Orchestrator.values()).flatMap(o -> Stream.of(
                new Case("a crash of a node already down", o,
                        List.of(at(10, new Cluster.Crash("worker-2")), at(20, new Cluster.Crash("worker-2"))),
                        List.of("20s crash worker-2: worker-2 is already down"), 1, 0, 0),
                new Case("a restart of a node that never went down", o,
                        List.of(at(10, new Cluster.Boot("worker-2"))),
                        List.of("10s restart worker-2: worker-2 is already up"), 0, 0, 0),
                new Case("a second restart after a crash", o,
                        List.of(at(10, new Cluster.Crash("worker-2")), at(20, new Cluster.Boot("worker-2")),
                                at(30, new Cluster.Boot("worker-2"))),
                        List.of("30s restart worker-2: worker-2 is already up"), 1, 1, 0),
                new Case("a crash after a restart is a crash again", o,
                        List.of(at(10, new Cluster.Crash("worker-2")), at(20, new Cluster.Boot("worker-2")),
                                at(30, new Cluster.Crash("worker-2"))),
                        List.of(), 2, 1, 0),
                new Case("a kill of a task there is no slot for", o,
                        List.of(at(20, new Cluster.KillTask("web.7"))),
                        List.of("20s kill_task web.7: no node runs web.7"), 0, 0, 0),
                new Case("a kill of a running task", o,
                        List.of(at(20, new Cluster.KillTask("web.1"))),
                        List.of(), 0, 0, 1),
                new Case("a kill of a task whose node is down", o,
                        List.of(at(10, new Cluster.Crash("worker-1")), at(10, new Cluster.Crash("worker-2")),
                                at(20, new Cluster.KillTask("web.1"))),
                        List.of("20s kill_task web.1: no node runs web.1"), 2, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anActionThatChangesNothingIsLoggedAsIgnored(Case c) {
        try (SmallCluster cluster = new SmallCluster(c.orchestrator(), List.of("manager-1"), List.of("worker-1", "worker-2"), 7)) {
            cluster.deploy(SmallCluster.workersOnly("web", 2));
            c.timeline().forEach(s -> cluster.at(s.at(), s.command()));
            cluster.runUntil(40 * S);
            assertEquals(c.ignored(), cluster.all(ActionIgnored.class, e -> true).stream()
                    .map(a -> a.time() / S + "s " + a.event().action() + " " + a.event().target() + ": " + a.event().reason())
                    .toList());
            assertEquals(c.crashes(), cluster.all(NodeCrashed.class, e -> true).size());
            assertEquals(c.boots(), cluster.all(NodeBooted.class, e -> true).size());
            assertEquals(c.killed(), cluster.all(TaskStateChanged.class,
                    e -> e.state() == TaskState.FAILED && "task: non-zero exit (137)".equals(e.error())).size());
        }
    }
}
