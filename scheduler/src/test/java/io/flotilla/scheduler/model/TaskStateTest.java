package io.flotilla.scheduler.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void statesOnlyMoveForward() {
        assertTrue(TaskState.PENDING.canMoveTo(TaskState.ASSIGNED));
        assertFalse(TaskState.RUNNING.canMoveTo(TaskState.STARTING));
        assertFalse(TaskState.RUNNING.canMoveTo(TaskState.RUNNING));
    }

    @Test
    void everyStateAfterRunningIsTerminal() {
        assertFalse(TaskState.RUNNING.isTerminal());
        assertTrue(TaskState.COMPLETE.isTerminal());
        assertTrue(TaskState.ORPHANED.isTerminal());
    }

    @Test
    void resourcesFitComparesEveryKind() {
        Resources node = Resources.of(2, 4L << 30).withGeneric("gpu", 1);
        assertTrue(Resources.of(2, 1L << 30).fitsIn(node));
        assertFalse(Resources.of(2.5, 1L << 30).fitsIn(node));
        assertFalse(Resources.NONE.withGeneric("gpu", 2).fitsIn(node));
        assertTrue(Resources.of(1, 0).fitsIn(node.minus(Resources.of(1, 0))));
    }
}
