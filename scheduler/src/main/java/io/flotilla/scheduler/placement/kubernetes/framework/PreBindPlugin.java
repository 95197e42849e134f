package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;

/**
 * PreBind: what must be true before the pod is bound to the chosen node (VolumeBinding writes the
 * pod's volume bindings here). A failure undoes Reserve and sends the pod back to the queue.
 */
public interface PreBindPlugin extends Plugin {

    Status preBind(CycleState state, PodInfo pod, String node);
}
