package io.flotilla.sim.control;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;

/** One task the manager wants on a node, and the state it wants it in. */
public record Assignment(Task task, TaskState desired) {}
