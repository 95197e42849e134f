package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Truth: a volume was made, empty. {@code on} is the node whose disk holds it (null for network
 * storage); {@code driver} the driver or storage class that provides it.
 */
public record VolumeCreated(String volume, String on, String driver) implements Event {
    @Override
    public String type() {
        return "volume.create";
    }
}
