package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.StorageClassSpec;
import java.util.List;

/**
 * A storage class. {@code type} is {@code local} (a bound volume pins its task to that node) or
 * {@code network} (attachable from any node, or from the nodes of {@code zones}, read from node label
 * {@code zoneLabel}); {@code binding} is Kubernetes' volume binding mode, {@code Immediate} (the
 * default) or {@code WaitForFirstConsumer}; a network volume takes {@code attachNanos} to attach to
 * a node and {@code detachNanos} to detach, and a node takes at most {@code maxVolumesPerNode} of them
 * (0: no limit).
 */
public record StorageClassDecl(String name, String type, String binding, List<String> zones, String zoneLabel,
        long attachNanos, long detachNanos, int maxVolumesPerNode, SourcePos pos) {

    public StorageClassDecl {
        zones = List.copyOf(zones);
    }

    /** A class with the default zones (none) and attach and detach times. */
    public StorageClassDecl(String name, String type, String binding, SourcePos pos) {
        this(name, type, binding, List.of(), NodeDecl.ZONE_LABEL, StorageClassSpec.DEFAULT_ATTACH_NANOS,
                StorageClassSpec.DEFAULT_DETACH_NANOS, 0, pos);
    }

    /** The class as the simulated cluster takes it. */
    public StorageClassSpec spec() {
        return new StorageClassSpec(name, type.equals("local") ? StorageClassSpec.Type.LOCAL : StorageClassSpec.Type.NETWORK,
                binding.equals("WaitForFirstConsumer"), zones, zoneLabel, attachNanos, detachNanos, maxVolumesPerNode);
    }
}
