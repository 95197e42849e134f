package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.ScoringStrategy;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeBinder;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeCatalog;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeLimits;
import io.flotilla.scheduler.placement.kubernetes.framework.WeightedPlugin;
import io.flotilla.scheduler.placement.kubernetes.plugins.noderesources.NodeResourcesBalancedAllocation;
import io.flotilla.scheduler.placement.kubernetes.plugins.noderesources.NodeResourcesFit;
import io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.PodTopologySpread;
import java.util.List;

/**
 * The in-tree plugins of the {@code default-scheduler} profile in upstream's order (default_plugins.go,
 * MultiPoint) with the weights of those that score: the one place that order and those weights live.
 *
 * <p>TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, NodeResourcesFit 1,
 * NodeResourcesBalancedAllocation 1 (over cpu and memory), ImageLocality 1. SchedulingGates,
 * PrioritySort, VolumeRestrictions, VolumeZone and DefaultBinder have nothing to decide in this model
 * and are left out (every volume is ReadWriteOnce and carries node affinity, not zone labels).
 */
public final class DefaultPlugins {

    private DefaultPlugins() {}

    /** Fresh plugins with the given arguments, in order; weights matter only for plugins with Score. */
    public static List<WeightedPlugin> create(ScoringStrategy scoringStrategy, VolumeBinder volumeBinder,
            VolumeCatalog volumeCatalog, VolumeLimits volumeLimits, int hardPodAffinityWeight) {
        return List.of(
                new WeightedPlugin(new NodeUnschedulable(), 0),
                new WeightedPlugin(new NodeName(), 0),
                new WeightedPlugin(new TaintToleration(), 3),
                new WeightedPlugin(new NodeAffinityPlugin(), 2),
                new WeightedPlugin(new NodePorts(), 0),
                new WeightedPlugin(new NodeResourcesFit(scoringStrategy), 1),
                new WeightedPlugin(new NodeVolumeLimits(volumeCatalog, volumeLimits), 0),
                new WeightedPlugin(new VolumeBinding(volumeBinder), 0),
                new WeightedPlugin(new PodTopologySpread(), 2),
                new WeightedPlugin(new InterPodAffinity(hardPodAffinityWeight), 2),
                new WeightedPlugin(new DefaultPreemption(), 0),
                new WeightedPlugin(new NodeResourcesBalancedAllocation(ScoringStrategy.DEFAULT_RESOURCES), 1),
                new WeightedPlugin(new ImageLocality(), 1));
    }
}
