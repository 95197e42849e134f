package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;

/** PreFilter: runs once per pod before any node is looked at; may skip its Filter or narrow the nodes. */
public interface PreFilterPlugin extends Plugin {

    PreFilterResult preFilter(CycleState state, PodInfo pod);
}
