package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Belief (Kubernetes strategy): the attach/detach controller started an operation on a claim's
 * volume for a node ({@code operation}: attach, detach, force_detach) or could not
 * ({@code multi_attach_error}), with upstream's words in {@code message}. The volume is attached or
 * detached ({@code volume.attach}, {@code volume.detach}) when the operation is done.
 */
public record VolumeOperation(String claim, String volume, String node, String operation, String message) implements Event {
    @Override
    public String type() {
        return "volume." + operation;
    }
}
