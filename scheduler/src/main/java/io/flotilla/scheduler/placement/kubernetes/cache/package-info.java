/**
 * The scheduler's view of the cluster (upstream {@code pkg/scheduler/backend/cache}: the cache, its
 * snapshot and the node tree, in one {@link io.flotilla.scheduler.placement.kubernetes.cache.Cache}
 * updated in place), the {@link io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo} and {@link
 * io.flotilla.scheduler.placement.kubernetes.cache.PodInfo} the plugins read (upstream framework
 * types, kept here because only the cache changes them), and the incremental indexes that upstream
 * does not have: it recounts in every cycle what these keep up to date as pods are bound and
 * removed.
 *
 * <p>The indexes: the {@link io.flotilla.scheduler.placement.kubernetes.cache.NodeTable} (the hot
 * per-node numbers as arrays, with each memoised plugin's {@link
 * io.flotilla.scheduler.placement.kubernetes.cache.ScoreMemo}); a {@link
 * io.flotilla.scheduler.placement.kubernetes.cache.TopologyColumn} per topology key (each node's
 * domain as a small number) and {@link io.flotilla.scheduler.placement.kubernetes.cache.Tally}
 * (counts per domain); the {@link io.flotilla.scheduler.placement.kubernetes.cache.SelectorIndex}
 * (bound pods per selector, per node and per domain); the {@link
 * io.flotilla.scheduler.placement.kubernetes.cache.AffinityIndex} (bound pods' affinity terms).
 * Plugins read them; only the cache writes.
 */
package io.flotilla.scheduler.placement.kubernetes.cache;
