package io.flotilla.sim.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * swarmkit's {@code IsTaskDirty} with {@code IsTaskDirtyPlacementConstraintsOnly}: a change of the
 * placement constraints alone leaves a task whose node meets them (orchestrator/task_test.go).
 */
class TaskDirtyTest {

    record Case(String name, List<String> constraints, String image, boolean forced, boolean dirty) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("TestIsTaskDirty: the same spec", List.of(), "v:1", false, false),
                new Case("TestIsTaskDirty: constraints alone, one that does not parse matches any node", List.of("node=node1"),
                        "v:1", false, false),
                new Case("TestIsTaskDirty: constraints alone, an unknown key never matches", List.of("node!=node1"), "v:1",
                        false, true),
                new Case("TestIsTaskDirty: the image changed too", List.of(), "v:2", false, true),
                new Case("pinned to the task's own node: not dirty", List.of("node.hostname == node1"), "v:1", false, false),
                new Case("pinned to another node: dirty", List.of("node.hostname == node2"), "v:1", false, true),
                new Case("a forced update is dirty whatever the spec", List.of(), "v:1", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dirty(Case c) {
        ServiceSpec old = Specs.replicated("name1", 1, "v:1");
        Task task = new Task("name1.1#1", "name1.1", "name1", 1, 1, old.task(), "node1", TaskState.RUNNING, TaskState.RUNNING, null);
        ServiceRecord service = new ServiceRecord(old.withTask(old.task().withImage(c.image())
                .withPlacement(new Placement(c.constraints(), List.of(), 0, List.of()))), 0);
        service.version = 2;
        if (c.forced()) {
            service.forcedAt = 2;
        }
        assertEquals(c.dirty(), service.isDirty(task, Optional.of(Specs.node("node1"))));
    }
}
