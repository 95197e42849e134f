/**
 * The scheduling framework (upstream {@code pkg/scheduler/framework} and its runtime): the extension
 * points a plugin implements (PreFilter, Filter, PostFilter, PreScore, Score, NormalizeScore,
 * Reserve; Bind is the cache's), the {@link io.flotilla.scheduler.placement.kubernetes.framework.CycleState}
 * plugins keep their per-cycle data in, {@link io.flotilla.scheduler.placement.kubernetes.framework.Status},
 * and the {@link io.flotilla.scheduler.placement.kubernetes.framework.Framework} that runs a
 * profile's plugins in the profile's order: PreFilter with its Skip and node-name bookkeeping, Filter
 * chunk by chunk up to each node's first rejection, PostFilter, Score with the normalisation checks
 * and the weighted sum, Reserve with its undoing.
 *
 * <p>It also owns what every plugin shares: the bulk calls the framework makes on many nodes at once
 * ({@code filterAll}, {@code scoreAll}), which plugins implement only when they have a faster way
 * than the per-node call; {@code MaxNodeScore} and the default normalisation; and the
 * FailedScheduling message ({@link io.flotilla.scheduler.placement.kubernetes.framework.FitError}).
 */
package io.flotilla.scheduler.placement.kubernetes.framework;
