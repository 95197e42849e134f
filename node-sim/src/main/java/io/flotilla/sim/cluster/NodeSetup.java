package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeSpec;

/** A node as the scenario starts it: its spec, its availability and how fast it pulls images. */
public record NodeSetup(NodeSpec spec, Availability availability, long pullBytesPerSecond) {}
