package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.storage.StorageDriver;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One node of the cluster, after {@code count} expansion ({@code worker} with {@code count: 3}
 * gives three declarations {@code worker-1..worker-3}, all at the position of the original item).
 * {@code pullBandwidthBytesPerSecond} sets how long image pulls take on this node; {@code disk} is the
 * size of its disk (none: it never fills) and {@code storageDriver} its container storage driver.
 */
public record NodeDecl(NodeSpec spec, Availability availability, long pullBandwidthBytesPerSecond, OptionalLong disk,
        StorageDriver storageDriver, SourcePos pos) {

    /** 100MB/s (binary megabytes, as every size in a scenario). */
    public static final long DEFAULT_PULL_BANDWIDTH = 100L * 1024 * 1024;

    /** The label that names a node's zone in scenarios (and in Swarm spread preferences, node.labels.zone). */
    public static final String ZONE_LABEL = "zone";
    /** Kubernetes' well-known zone label, read when a node has no {@value #ZONE_LABEL} label. */
    public static final String KUBERNETES_ZONE_LABEL = "topology.kubernetes.io/zone";

    public String name() {
        return spec.name();
    }

    /** The node's zone, for {@code zone_down} and the per-zone figures of {@code compare}; empty for a node in none. */
    public Optional<String> zone() {
        return zoneOf(spec);
    }

    /** Its label {@value #ZONE_LABEL}, else its label {@value #KUBERNETES_ZONE_LABEL}. */
    public static Optional<String> zoneOf(NodeSpec node) {
        String zone = node.labels().get(ZONE_LABEL);
        return Optional.ofNullable(zone != null ? zone : node.labels().get(KUBERNETES_ZONE_LABEL));
    }
}
