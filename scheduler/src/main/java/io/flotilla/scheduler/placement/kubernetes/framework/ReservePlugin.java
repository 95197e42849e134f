package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;

/** Reserve and Unreserve: claim what the chosen node needs before binding, or give it back. */
public interface ReservePlugin extends Plugin {

    Status reserve(CycleState state, PodInfo pod, NodeInfo node);

    void unreserve(CycleState state, PodInfo pod, NodeInfo node);
}
