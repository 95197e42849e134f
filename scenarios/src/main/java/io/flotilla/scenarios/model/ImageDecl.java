package io.flotilla.scenarios.model;

import io.flotilla.scheduler.runtime.Application;
import java.util.OptionalLong;

/**
 * What the simulator knows of an image: its size (pull time is size over the node's pull
 * bandwidth, and nothing is pulled twice on a node), how long a container takes from start to
 * running, and, to let a rolling update go bad, how long after reaching running its containers
 * exit with an error (empty = they never crash); and what its application does once it runs
 * ({@code app}: the memory it uses, the CPU it needs, what it does with SIGTERM).
 */
public record ImageDecl(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos, Application app) {

    public static final long DEFAULT_SIZE = 100L * 1024 * 1024;
    public static final long DEFAULT_START = 1_000_000_000L;

    /** An image whose application declares nothing: no memory or CPU use, a clean exit at SIGTERM. */
    public ImageDecl(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos) {
        this(name, sizeBytes, startNanos, crashAfterNanos, Application.DEFAULT);
    }

    /** The image as it is when the scenario does not list it: 100MB, 1s to start, never crashes. */
    public static ImageDecl defaults(String name) {
        return new ImageDecl(name, DEFAULT_SIZE, DEFAULT_START, OptionalLong.empty());
    }
}
