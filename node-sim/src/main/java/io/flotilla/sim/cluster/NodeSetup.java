package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.storage.StorageDriver;
import java.util.OptionalLong;

/**
 * A node as the scenario starts it: its spec, its availability, how fast it pulls images, the size
 * of its disk (none: it never fills) and its container storage driver.
 */
public record NodeSetup(NodeSpec spec, Availability availability, long pullBytesPerSecond, OptionalLong disk,
        StorageDriver storageDriver) {

    /** A node whose disk never fills, with Docker's default driver, overlay2. */
    public NodeSetup(NodeSpec spec, Availability availability, long pullBytesPerSecond) {
        this(spec, availability, pullBytesPerSecond, OptionalLong.empty(), StorageDriver.OVERLAY2);
    }
}
