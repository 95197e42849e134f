package io.flotilla.scheduler.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleDownTest {

    private static final TaskSpec SPEC =
            new TaskSpec("nginx", Resources.NONE, Resources.NONE, Placement.NONE, List.of(), List.of(), RestartPolicy.DEFAULT);

    private static Task task(int slot, String node, TaskState state) {
        return new Task("web." + slot + "#1", "web." + slot, "web", slot, 1, SPEC, node, state, TaskState.RUNNING, null);
    }

    private static List<Integer> slots(List<Task> tasks) {
        return tasks.stream().map(Task::slot).toList();
    }

    /** Upstream TestScaleDown* (replicated_test.go): the node with the most copies loses first. */
    @Test
    void removesFromTheNodeWithTheMostCopies() {
        List<Task> live = List.of(
                task(1, "n1", TaskState.RUNNING),
                task(2, "n1", TaskState.RUNNING),
                task(3, "n1", TaskState.RUNNING),
                task(4, "n2", TaskState.RUNNING),
                task(5, "n3", TaskState.RUNNING));
        assertEquals(List.of(2, 3), slots(ScaleDown.victims(live, 3)));
    }

    @Test
    void unassignedThenNotRunningGoFirst() {
        List<Task> live = List.of(
                task(1, "n1", TaskState.RUNNING),
                task(2, "n2", TaskState.STARTING),
                task(3, null, TaskState.PENDING),
                task(4, "n2", TaskState.RUNNING));
        assertEquals(List.of(3), slots(ScaleDown.victims(live, 3)));
        assertEquals(List.of(2, 3), slots(ScaleDown.victims(live, 2)));
    }

    /** Upstream's slotsByIndex: a slot with more than one task (index -1) ranks with the unassigned, removed first. */
    @Test
    void aSlotWithTwoTasksGoesFirst() {
        List<Task> live = List.of(
                task(1, "n1", TaskState.RUNNING),
                task(2, "n2", TaskState.RUNNING),
                task(3, "n3", TaskState.RUNNING));
        assertEquals(List.of(3), slots(ScaleDown.victims(live, 2)));
        assertEquals(List.of(1), slots(ScaleDown.victims(live, 2, t -> t.slot() == 1)));
    }

    @Test
    void nothingToRemoveAtOrBelowTheTarget() {
        assertEquals(List.of(), ScaleDown.victims(List.of(task(1, "n1", TaskState.RUNNING)), 1));
    }
}
