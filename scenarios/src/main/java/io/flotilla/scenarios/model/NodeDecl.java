package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeSpec;

/**
 * One node of the cluster, after {@code count} expansion ({@code worker} with {@code count: 3}
 * gives three declarations {@code worker-1..worker-3}, all at the position of the original item).
 * {@code pullBandwidthBytesPerSecond} sets how long image pulls take on this node.
 */
public record NodeDecl(NodeSpec spec, Availability availability, long pullBandwidthBytesPerSecond, SourcePos pos) {

    /** 100MB/s (binary megabytes, as every size in a scenario). */
    public static final long DEFAULT_PULL_BANDWIDTH = 100L * 1024 * 1024;

    public String name() {
        return spec.name();
    }
}
