package io.flotilla.scheduler.placement.swarm;

import static io.flotilla.scheduler.placement.swarm.Fixtures.node;
import static io.flotilla.scheduler.placement.swarm.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.TaskState;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which existing tasks hold a node's resources (observed ASSIGNED..RUNNING) and which count for the
 * ranking (also desired state at most COMPLETE), as swarmkit's NodeInfo tracks them (nodeinfo.go).
 */
class TrackedTasksTest {

    record Case(TaskState state, TaskState desired, boolean holdsResources, boolean counts) {
        @Override
        public String toString() {
            return "observed " + state.lowerName() + ", desired " + desired.lowerName();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(TaskState.ASSIGNED, TaskState.RUNNING, true, true),
                new Case(TaskState.PREPARING, TaskState.READY, true, true),
                new Case(TaskState.RUNNING, TaskState.RUNNING, true, true),
                new Case(TaskState.RUNNING, TaskState.COMPLETE, true, true),
                new Case(TaskState.RUNNING, TaskState.SHUTDOWN, true, false),
                new Case(TaskState.RUNNING, TaskState.REMOVE, true, false),
                new Case(TaskState.COMPLETE, TaskState.RUNNING, false, false),
                new Case(TaskState.SHUTDOWN, TaskState.SHUTDOWN, false, false),
                new Case(TaskState.FAILED, TaskState.RUNNING, false, false),
                new Case(TaskState.REJECTED, TaskState.RUNNING, false, false),
                new Case(TaskState.ORPHANED, TaskState.RUNNING, false, false),
                new Case(TaskState.NEW, TaskState.RUNNING, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tracksLikeSwarmkit(Case c) {
        Fixtures.TaskBuilder existing = task("x").service("web").cpus(1).on("n1").state(c.state()).desired(c.desired());

        FakeStore resources = new FakeStore().nodes(node("n1").cpus(1), node("n2").cpus(1))
                .tasks(existing, task("needsCpu").service("probe").cpus(1));
        resources.place();
        assertEquals(c.holdsResources() ? "n2" : "n1", resources.nodeOf("needsCpu"), "resources held");

        FakeStore ranking = new FakeStore().nodes(node("n1").cpus(1), node("n2").cpus(1))
                .tasks(existing, task("web2").service("web").version(2));
        ranking.place();
        assertEquals(c.counts() ? "n2" : "n1", ranking.nodeOf("web2"), "counted for the ranking");
    }
}
