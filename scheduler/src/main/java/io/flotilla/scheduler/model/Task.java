package io.flotilla.scheduler.model;

import java.util.Optional;

/**
 * One task as the manager records it. {@code name} is what users see ({@code web.3} for a
 * replicated slot, {@code web.worker-1} for a global task); {@code id} is unique over the run
 * ({@code web.3#2} is the second task of slot 3). {@code slot} is 0 for global tasks, whose
 * {@code node} is set when they are created. {@code state} is the last observed state,
 * {@code desired} what the orchestrator wants; {@code error} says why a pending task is not placed.
 */
public record Task(
        String id,
        String name,
        String service,
        int slot,
        int specVersion,
        TaskSpec spec,
        String node,
        TaskState state,
        TaskState desired,
        String error) {

    public Optional<String> assignedNode() {
        return Optional.ofNullable(node);
    }

    public boolean isAssigned() {
        return node != null;
    }

    public Task withState(TaskState newState) {
        return new Task(id, name, service, slot, specVersion, spec, node, newState, desired, error);
    }

    public Task withDesired(TaskState newDesired) {
        return new Task(id, name, service, slot, specVersion, spec, node, state, newDesired, error);
    }

    public Task withError(String newError) {
        return new Task(id, name, service, slot, specVersion, spec, node, state, desired, newError);
    }

    public Task assignedTo(String nodeName) {
        return new Task(id, name, service, slot, specVersion, spec, nodeName, TaskState.ASSIGNED, desired, null);
    }
}
