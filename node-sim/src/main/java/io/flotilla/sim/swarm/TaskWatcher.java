package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Task;

/**
 * What a part hears about the manager's tasks from {@link TaskLifecycle}, as swarmkit's parts
 * watch the store for task events. Watchers hear each change in the order they were added, after
 * the store holds it. A part overrides what it reacts to.
 */
interface TaskWatcher {

    /** A new task is pending. */
    default void created(Task task) {}

    /**
     * The manager's belief about the task moved forward on a node's word: a report, a node that
     * registered again after a boot, or a node down for a day.
     */
    default void observed(Task task) {}

    /** The manager shut down a task that no node ever ran (before or instead of assigning it). */
    default void shutDown(Task task) {}

    /** The task ended, whether a node said so or the manager shut it down; its addresses are free. */
    default void ended(Task task) {}

    /** The state the manager wants for the task changed. */
    default void desiredChanged(Task task) {}
}
