package io.flotilla.sim.control;

import io.flotilla.scheduler.model.TaskState;

/** A node's report of one task's state. */
public record TaskReport(String taskId, TaskState state, String message, String error) {}
