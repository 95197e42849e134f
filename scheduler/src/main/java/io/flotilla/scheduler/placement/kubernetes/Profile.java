package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scheduler profile: the enabled plugins in upstream's order (default_plugins.go, MultiPoint) with
 * the weights of those that score, and the plugin arguments. The list in {@link #plugins()} is the
 * one place that order and those weights live; plugins do not know their neighbours.
 *
 * <p>Defaults: TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2,
 * NodeResourcesFit 1 (LeastAllocated over cpu and memory), NodeResourcesBalancedAllocation 1,
 * ImageLocality 1; percentageOfNodesToScore 0 (adaptive); hardPodAffinityWeight 1. SchedulingGates,
 * PrioritySort, VolumeRestrictions, NodeVolumeLimits, VolumeZone and DefaultBinder have nothing to
 * decide in this model and are left out.
 */
public final class Profile {

    /** A plugin and, if it scores, its weight (0 for plugins without Score). */
    record Entry(Plugin plugin, int weight) {}

    private final ScoringStrategy scoringStrategy;
    private final VolumeBinder volumeBinder;
    private final int percentageOfNodesToScore;
    private final int hardPodAffinityWeight;
    private final Set<String> disabled;

    private Profile(ScoringStrategy scoringStrategy, VolumeBinder volumeBinder, int percentageOfNodesToScore,
            int hardPodAffinityWeight, Set<String> disabled) {
        if (percentageOfNodesToScore < 0 || percentageOfNodesToScore > 100) {
            throw new IllegalArgumentException("percentageOfNodesToScore: must be in the range [0, 100]");
        }
        if (hardPodAffinityWeight < 0 || hardPodAffinityWeight > 100) {
            throw new IllegalArgumentException("hardPodAffinityWeight: must be in the range [0, 100]");
        }
        this.scoringStrategy = scoringStrategy;
        this.volumeBinder = volumeBinder;
        this.percentageOfNodesToScore = percentageOfNodesToScore;
        this.hardPodAffinityWeight = hardPodAffinityWeight;
        this.disabled = Set.copyOf(disabled);
    }

    /** The {@code default-scheduler} profile. */
    public static Profile defaults() {
        return new Profile(ScoringStrategy.leastAllocated(), VolumeBinder.NO_CLAIMS, 0, 1, Set.of());
    }

    /** The enabled plugins, in order. Weights matter only for plugins with a Score extension point. */
    List<Entry> plugins() {
        List<Entry> all = List.of(
                new Entry(new NodeUnschedulable(), 0),
                new Entry(new NodeName(), 0),
                new Entry(new TaintToleration(), 3),
                new Entry(new NodeAffinityPlugin(), 2),
                new Entry(new NodePorts(), 0),
                new Entry(new NodeResourcesFit(scoringStrategy), 1),
                new Entry(new VolumeBinding(volumeBinder), 0),
                new Entry(new PodTopologySpread(), 2),
                new Entry(new InterPodAffinity(hardPodAffinityWeight), 2),
                new Entry(new DefaultPreemption(), 0),
                new Entry(new NodeResourcesBalancedAllocation(ScoringStrategy.DEFAULT_RESOURCES), 1),
                new Entry(new ImageLocality(), 1));
        List<Entry> enabled = new ArrayList<>();
        for (Entry e : all) {
            if (!disabled.contains(e.plugin().name())) {
                enabled.add(e);
            }
        }
        return enabled;
    }

    /** NodeResourcesFit scoring: LeastAllocated by default, MostAllocated or RequestedToCapacityRatio. */
    public Profile withScoringStrategy(ScoringStrategy strategy) {
        return new Profile(strategy, volumeBinder, percentageOfNodesToScore, hardPodAffinityWeight, disabled);
    }

    /** The volume model VolumeBinding asks; by default no claim exists. */
    public Profile withVolumeBinder(VolumeBinder binder) {
        return new Profile(scoringStrategy, binder, percentageOfNodesToScore, hardPodAffinityWeight, disabled);
    }

    /** 0 means adaptive ({@code 50 - nodes/125}, at least 5); otherwise a fixed percentage. */
    public Profile withPercentageOfNodesToScore(int percentage) {
        return new Profile(scoringStrategy, volumeBinder, percentage, hardPodAffinityWeight, disabled);
    }

    public Profile withHardPodAffinityWeight(int weight) {
        return new Profile(scoringStrategy, volumeBinder, percentageOfNodesToScore, weight, disabled);
    }

    /** The same profile without the named plugins (upstream {@code plugins.multiPoint.disabled}). */
    public Profile without(String... pluginNames) {
        Set<String> d = new java.util.HashSet<>(disabled);
        d.addAll(List.of(pluginNames));
        return new Profile(scoringStrategy, volumeBinder, percentageOfNodesToScore, hardPodAffinityWeight, d);
    }

    public int percentageOfNodesToScore() {
        return percentageOfNodesToScore;
    }

    /** The enabled plugin names in order. */
    public List<String> pluginNames() {
        return plugins().stream().map(e -> e.plugin().name()).toList();
    }

    /** Score plugin name to weight, in order. */
    public Map<String, Integer> scoreWeights() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Entry e : plugins()) {
            if (e.plugin() instanceof ScorePlugin) {
                out.put(e.plugin().name(), e.weight());
            }
        }
        return out;
    }
}
