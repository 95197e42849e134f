package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;

/**
 * DefaultPreemption's choice: the node the pod is nominated to ({@code status.nominatedNodeName})
 * and the pods (as {@code namespace/name}) to delete gracefully so that it fits there.
 */
public record Nomination(String node, List<String> victims) {

    public Nomination {
        victims = List.copyOf(victims);
    }
}
