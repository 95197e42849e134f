package io.flotilla.scheduler.model;

import java.util.List;

/**
 * A storage class as the scenario declares it. {@code LOCAL}: a volume on one node's disk, which pins
 * the pods that use it to that node. {@code NETWORK}: one copy on network storage, attachable to one
 * node at a time, from any node, or only from nodes in {@code zones} (the zone read from node label
 * {@code zoneLabel}). {@code waitForFirstConsumer} is Kubernetes' volume binding mode; attaching and
 * detaching a network volume take {@code attachNanos} and {@code detachNanos}; a node takes at most
 * {@code maxVolumesPerNode} of its volumes (its CSI driver's attach limit; 0: no limit).
 */
public record StorageClassSpec(String name, Type type, boolean waitForFirstConsumer, List<String> zones, String zoneLabel,
        long attachNanos, long detachNanos, int maxVolumesPerNode) {

    public enum Type {
        LOCAL,
        NETWORK
    }

    /** How long a network volume takes to attach to a node unless the class says: about a cloud disk's. */
    public static final long DEFAULT_ATTACH_NANOS = 10_000_000_000L;
    /** How long a network volume takes to detach unless the class says. */
    public static final long DEFAULT_DETACH_NANOS = 5_000_000_000L;

    public StorageClassSpec {
        zones = List.copyOf(zones);
    }

    /** A class without an attach limit. */
    public StorageClassSpec(String name, Type type, boolean waitForFirstConsumer, List<String> zones, String zoneLabel,
            long attachNanos, long detachNanos) {
        this(name, type, waitForFirstConsumer, zones, zoneLabel, attachNanos, detachNanos, 0);
    }

    public boolean attachable() {
        return type == Type.NETWORK;
    }
}
