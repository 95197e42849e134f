package io.flotilla.scheduler.placement.kubernetes;

/** Filter: check this node for this pod and say why not. */
interface FilterPlugin extends Plugin {

    Status filter(CycleState state, PodInfo pod, NodeInfo node);
}
