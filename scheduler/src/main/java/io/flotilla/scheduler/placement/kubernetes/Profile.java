package io.flotilla.scheduler.placement.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.framework.ScorePlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.WeightedPlugin;
import io.flotilla.scheduler.placement.kubernetes.plugins.DefaultPlugins;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeBinder;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeCatalog;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scheduler profile: the plugin arguments, percentageOfNodesToScore and the plugins disabled. The
 * enabled plugins come in upstream's order with their weights from {@link DefaultPlugins}, the one
 * place that order and those weights live; plugins do not know their neighbours.
 *
 * <p>Defaults: NodeResourcesFit scores LeastAllocated over cpu and memory; percentageOfNodesToScore
 * 0 (adaptive); hardPodAffinityWeight 1; no claim exists for VolumeBinding.
 */
public final class Profile {

    private final ScoringStrategy scoringStrategy;
    private final VolumeBinder volumeBinder;
    private final VolumeCatalog volumeCatalog;
    private final VolumeLimits volumeLimits;
    private final int percentageOfNodesToScore;
    private final int hardPodAffinityWeight;
    private final Set<String> disabled;

    private Profile(ScoringStrategy scoringStrategy, VolumeBinder volumeBinder, VolumeCatalog volumeCatalog,
            VolumeLimits volumeLimits, int percentageOfNodesToScore, int hardPodAffinityWeight, Set<String> disabled) {
        if (percentageOfNodesToScore < 0 || percentageOfNodesToScore > 100) {
            throw new IllegalArgumentException("percentageOfNodesToScore: must be in the range [0, 100]");
        }
        if (hardPodAffinityWeight < 0 || hardPodAffinityWeight > 100) {
            throw new IllegalArgumentException("hardPodAffinityWeight: must be in the range [0, 100]");
        }
        this.scoringStrategy = scoringStrategy;
        this.volumeBinder = volumeBinder;
        this.volumeCatalog = volumeCatalog;
        this.volumeLimits = volumeLimits;
        this.percentageOfNodesToScore = percentageOfNodesToScore;
        this.hardPodAffinityWeight = hardPodAffinityWeight;
        this.disabled = Set.copyOf(disabled);
    }

    /** The {@code default-scheduler} profile. */
    public static Profile defaults() {
        return new Profile(ScoringStrategy.leastAllocated(), VolumeBinder.NO_CLAIMS, VolumeCatalog.EMPTY,
                VolumeLimits.NONE, 0, 1, Set.of());
    }

    /** The enabled plugins, in order. Weights matter only for plugins with a Score extension point. */
    List<WeightedPlugin> plugins() {
        List<WeightedPlugin> enabled = new ArrayList<>();
        for (WeightedPlugin e : DefaultPlugins.create(scoringStrategy, volumeBinder, volumeCatalog, volumeLimits,
                hardPodAffinityWeight)) {
            if (!disabled.contains(e.plugin().name())) {
                enabled.add(e);
            }
        }
        return enabled;
    }

    /** NodeResourcesFit scoring: LeastAllocated by default, MostAllocated or RequestedToCapacityRatio. */
    public Profile withScoringStrategy(ScoringStrategy strategy) {
        return new Profile(strategy, volumeBinder, volumeCatalog, volumeLimits,
                percentageOfNodesToScore, hardPodAffinityWeight, disabled);
    }

    /** The volume model VolumeBinding asks; by default no claim exists. */
    public Profile withVolumeBinder(VolumeBinder binder) {
        return new Profile(scoringStrategy, binder, volumeCatalog, volumeLimits,
                percentageOfNodesToScore, hardPodAffinityWeight, disabled);
    }

    /** The claims and volumes NodeVolumeLimits counts and the nodes' attach limits; by default none. */
    public Profile withVolumeLimits(VolumeCatalog catalog, VolumeLimits limits) {
        return new Profile(scoringStrategy, volumeBinder, catalog, limits,
                percentageOfNodesToScore, hardPodAffinityWeight, disabled);
    }

    /** 0 means adaptive ({@code 50 - nodes/125}, at least 5); otherwise a fixed percentage. */
    public Profile withPercentageOfNodesToScore(int percentage) {
        return new Profile(scoringStrategy, volumeBinder, volumeCatalog, volumeLimits,
                percentage, hardPodAffinityWeight, disabled);
    }

    public Profile withHardPodAffinityWeight(int weight) {
        return new Profile(scoringStrategy, volumeBinder, volumeCatalog, volumeLimits,
                percentageOfNodesToScore, weight, disabled);
    }

    /** The same profile without the named plugins (upstream {@code plugins.multiPoint.disabled}). */
    public Profile without(String... pluginNames) {
        Set<String> d = new java.util.HashSet<>(disabled);
        d.addAll(List.of(pluginNames));
        return new Profile(scoringStrategy, volumeBinder, volumeCatalog, volumeLimits,
                percentageOfNodesToScore, hardPodAffinityWeight, d);
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
        for (WeightedPlugin e : plugins()) {
            if (e.plugin() instanceof ScorePlugin) {
                out.put(e.plugin().name(), e.weight());
            }
        }
        return out;
    }
}
