package io.flotilla.scheduler.placement.kubernetes.volume;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import java.util.Map;

/**
 * What NodeVolumeLimits reads of a node's CSINode object: how many volumes of each CSI driver the node
 * can have attached ({@code spec.drivers[].allocatable.count}). A driver not listed has no limit.
 */
public interface VolumeLimits {

    /** The attach limit per driver name on the node. */
    Map<String, Long> allocatable(KubeNode node);

    /** No driver has a limit (a cluster without CSINode limits). */
    VolumeLimits NONE = node -> Map.of();
}
