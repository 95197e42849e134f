package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * A storage operation that changed nothing, and why, as the tool would say: a {@code restore} of a
 * volume a task uses, a {@code backup} of a volume whose node is down, a mount on a node that
 * cannot have the volume. {@code action} is the operation, {@code target} the volume.
 */
public record VolumeRefused(String action, String target, String reason) implements Event {
    @Override
    public String type() {
        return "volume.refused";
    }
}
