package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Task;

/**
 * Assignment changes waiting for their node. A node hears of a task only once the scheduler has
 * assigned it there; what changed is sent when the current input has been handled, so a node gets
 * one message per input however many of its tasks changed.
 */
interface AssignmentOutbox {

    /** The node of {@code task} is to hear of its new desired state, if it may know of the task yet. */
    void changed(Task task);
}
