package io.flotilla.scheduler.placement.kubernetes;

/** Reserve and Unreserve: claim what the chosen node needs before binding, or give it back. */
interface ReservePlugin extends Plugin {

    Status reserve(CycleState state, PodInfo pod, NodeInfo node);

    void unreserve(CycleState state, PodInfo pod, NodeInfo node);
}
