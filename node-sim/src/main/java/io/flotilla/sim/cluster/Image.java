package io.flotilla.sim.cluster;

import java.util.OptionalLong;

/**
 * What the simulation knows of an image: its size (pull time is size over the node's pull
 * bandwidth), how long a container takes from starting to running, and, for a broken image,
 * how long it runs before it exits with an error.
 */
public record Image(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos) {}
