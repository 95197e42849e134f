package io.flotilla.sim.cluster;

import io.flotilla.scheduler.runtime.Application;
import java.util.OptionalLong;

/**
 * What the simulation knows of an image: its size (pull time is size over the node's pull
 * bandwidth), how long a container takes from starting to running, for a broken image how long it
 * runs before it exits with an error, and what its application does once it runs ({@code app}: the
 * memory and CPU it uses, what it does with SIGTERM).
 */
public record Image(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos, Application app) {

    /** An image whose application declares nothing: no use, a clean exit at SIGTERM. */
    public Image(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos) {
        this(name, sizeBytes, startNanos, crashAfterNanos, Application.DEFAULT);
    }
}
