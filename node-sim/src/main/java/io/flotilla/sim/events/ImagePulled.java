package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: the pull that {@link ImagePullStarted} began is done; the image is on the node's disk. */
public record ImagePulled(String node, String image, long tookNanos) implements Event {
    @Override
    public String type() {
        return "image.pulled";
    }
}
