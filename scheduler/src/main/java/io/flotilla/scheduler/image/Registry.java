package io.flotilla.scheduler.image;

/**
 * Where images are pulled from: how fast it serves a node ({@code bytesPerSecond}, 0 for no limit
 * of its own, so the node's pull bandwidth alone sets the pace) and how long one request takes to
 * be answered ({@code latencyNanos}), paid once per pull for the manifest.
 */
public record Registry(String name, long bytesPerSecond, long latencyNanos) {

    /** The registry an image comes from unless it names another: Docker Hub. */
    public static final String DEFAULT_NAME = "hub";

    /** {@code hub} as a scenario that does not declare it gets it: no limit of its own, no latency. */
    public static final Registry HUB = new Registry(DEFAULT_NAME, 0, 0);
}
