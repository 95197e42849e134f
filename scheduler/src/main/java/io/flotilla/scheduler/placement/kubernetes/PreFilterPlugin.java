package io.flotilla.scheduler.placement.kubernetes;

/** PreFilter: runs once per pod before any node is looked at; may skip its Filter or narrow the nodes. */
interface PreFilterPlugin extends Plugin {

    PreFilterResult preFilter(CycleState state, PodInfo pod);
}
