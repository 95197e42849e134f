package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Truth: a node could not pull an image ({@code error}, such as its registry being down). When the
 * node has the image already and runs it anyway, {@code usingLocal} is true: moby's Swarm executor
 * logs the failed pull and starts the container from the image it has.
 */
public record ImagePullFailed(String node, String image, String registry, String error, boolean usingLocal)
        implements Event {
    @Override
    public String type() {
        return "image.pull_failed";
    }
}
