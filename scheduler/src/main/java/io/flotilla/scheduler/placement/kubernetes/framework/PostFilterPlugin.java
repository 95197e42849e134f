package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import java.util.Map;
import java.util.SplittableRandom;

/** PostFilter: runs when no node is feasible; DefaultPreemption looks for pods to evict. */
public interface PostFilterPlugin extends Plugin {

    /**
     * @param statuses the filter verdict of every node, keyed by node name
     * @return a nomination, or the message that goes after the FitError
     */
    PostFilterResult postFilter(Framework framework, CycleState state, PodInfo pod, Map<String, Status> statuses,
            SplittableRandom random);
}
