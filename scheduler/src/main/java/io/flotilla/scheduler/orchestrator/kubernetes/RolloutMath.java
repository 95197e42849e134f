package io.flotilla.scheduler.orchestrator.kubernetes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The deployment controller's arithmetic as pure functions (upstream
 * {@code pkg/controller/deployment/util/deployment_util.go} and {@code rolling.go}): how far a
 * rolling update may surge and how many pods it may take down, how far the new ReplicaSet grows,
 * which old ReplicaSets shrink and by how much, and how a scale during a rollout is shared out.
 * ReplicaSets are passed oldest first, as {@code ReplicaSetsByCreationTimestamp} sorts them.
 */
public final class RolloutMath {

    private RolloutMath() {}

    /** An {@code IntOrString} such as {@code 1} or {@code 25%}. */
    public record IntOrPercent(int value, boolean percent) {

        public static IntOrPercent of(int value) {
            return new IntOrPercent(value, false);
        }

        public static IntOrPercent percent(int value) {
            return new IntOrPercent(value, true);
        }

        /** Upstream {@code GetScaledValueFromIntOrPercent}: a percentage of {@code total}, rounded up or down. */
        public int scaled(int total, boolean roundUp) {
            if (!percent) {
                return value;
            }
            long product = (long) value * total;
            return (int) (roundUp ? (product + 99) / 100 : product / 100);
        }

        @Override
        public String toString() {
            return value + (percent ? "%" : "");
        }
    }

    /** A Deployment's RollingUpdate strategy. */
    public record Strategy(IntOrPercent maxSurge, IntOrPercent maxUnavailable) {

        /** The API defaults: 25% and 25%. */
        public static final Strategy DEFAULT = new Strategy(IntOrPercent.percent(25), IntOrPercent.percent(25));
    }

    /** A ReplicaSet as the controller's arithmetic reads it: {@code spec.replicas} and {@code status.availableReplicas}. */
    public record Rs(int replicas, int available) {}

    /**
     * Upstream {@code ResolveFenceposts}: maxSurge rounded up, maxUnavailable rounded down; when both
     * come out 0, maxUnavailable is 1. Returns {surge, unavailable}.
     */
    public static int[] resolveFenceposts(Strategy strategy, int desired) {
        int surge = strategy.maxSurge().scaled(desired, true);
        int unavailable = strategy.maxUnavailable().scaled(desired, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new int[] {surge, unavailable};
    }

    /** Upstream {@code MaxSurge}. */
    public static int maxSurge(Strategy strategy, int replicas) {
        return resolveFenceposts(strategy, replicas)[0];
    }

    /** Upstream {@code MaxUnavailable}: 0 without replicas, never more than the replicas. */
    public static int maxUnavailable(Strategy strategy, int replicas) {
        if (replicas == 0) {
            return 0;
        }
        return Math.min(resolveFenceposts(strategy, replicas)[1], replicas);
    }

    /** Upstream {@code MinAvailable}. */
    public static int minAvailable(Strategy strategy, int replicas) {
        return replicas - maxUnavailable(strategy, replicas);
    }

    /**
     * Upstream {@code NewRSNewReplicas} for RollingUpdate: the new ReplicaSet grows while all
     * ReplicaSets together stay within replicas + maxSurge, never past replicas.
     */
    public static int newRSNewReplicas(Strategy strategy, int replicas, int allReplicas, int newReplicas) {
        int maxSurge = strategy.maxSurge().scaled(replicas, true);
        int maxTotalPods = replicas + maxSurge;
        if (allReplicas >= maxTotalPods) {
            return newReplicas;
        }
        int scaleUpCount = Math.min(maxTotalPods - allReplicas, replicas - newReplicas);
        return newReplicas + scaleUpCount;
    }

    /**
     * Upstream {@code reconcileNewReplicaSet}: the new ReplicaSet's next size, or -1 when it stays.
     *
     * @param all every ReplicaSet of the deployment, the new one included
     */
    public static int reconcileNewReplicaSet(Strategy strategy, int replicas, List<Rs> all, Rs newRs) {
        if (newRs.replicas() == replicas) {
            return -1;
        }
        if (newRs.replicas() > replicas) {
            return replicas;
        }
        int next = newRSNewReplicas(strategy, replicas, sumReplicas(all), newRs.replicas());
        return next == newRs.replicas() ? -1 : next;
    }

    /**
     * Upstream {@code reconcileOldReplicaSets}: first the unhealthy replicas of old ReplicaSets go
     * ({@code cleanupUnhealthyReplicas}), then old ReplicaSets shrink while at least replicas -
     * maxUnavailable pods stay available ({@code scaleDownOldReplicaSetsForRollingUpdate}).
     *
     * @param old the old ReplicaSets, oldest first
     * @return the old ReplicaSets' next sizes, in the same order (unchanged when nothing may go)
     */
    public static int[] reconcileOldReplicaSets(Strategy strategy, int replicas, List<Rs> old, Rs newRs) {
        int[] sizes = old.stream().mapToInt(Rs::replicas).toArray();
        int oldPods = sumReplicas(old);
        if (oldPods == 0) {
            return sizes;
        }
        int allPods = oldPods + newRs.replicas();
        int minAvailable = replicas - maxUnavailable(strategy, replicas);
        int newUnavailable = newRs.replicas() - newRs.available();
        int maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return sizes;
        }
        cleanupUnhealthyReplicas(old, sizes, maxScaledDown);
        int available = newRs.available();
        for (Rs rs : old) {
            available += rs.available();
        }
        scaleDownOldReplicaSetsForRollingUpdate(sizes, available, minAvailable);
        return sizes;
    }

    /**
     * Upstream {@code cleanupUnhealthyReplicas}: takes up to {@code maxCleanupCount} pods that are
     * not available from the old ReplicaSets, oldest first; returns how many.
     */
    static int cleanupUnhealthyReplicas(List<Rs> old, int[] sizes, int maxCleanupCount) {
        int total = 0;
        for (int i = 0; i < old.size(); i++) {
            if (total >= maxCleanupCount) {
                break;
            }
            if (sizes[i] == 0 || sizes[i] == old.get(i).available()) {
                continue;
            }
            int count = Math.min(maxCleanupCount - total, sizes[i] - old.get(i).available());
            sizes[i] -= count;
            total += count;
        }
        return total;
    }

    /**
     * Upstream {@code scaleDownOldReplicaSetsForRollingUpdate}: shrinks the old ReplicaSets, oldest
     * first, by as many pods as are available beyond {@code minAvailable}; returns how many.
     */
    static int scaleDownOldReplicaSetsForRollingUpdate(int[] sizes, int available, int minAvailable) {
        if (available <= minAvailable) {
            return 0;
        }
        int totalScaleDown = available - minAvailable;
        int total = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (total >= totalScaleDown) {
                break;
            }
            if (sizes[i] == 0) {
                continue;
            }
            int count = Math.min(sizes[i], totalScaleDown - total);
            sizes[i] -= count;
            total += count;
        }
        return total;
    }

    /** A ReplicaSet for proportional scaling: its size and its {@code max-replicas} annotation (0 when absent). */
    public record Scaled(int replicas, int maxReplicasAnnotation, long created) {}

    /**
     * Upstream {@code scale} for a rolling deployment with more than one active ReplicaSet whose new
     * one is not saturated: the replicas to add (or remove) are shared in proportion to each
     * ReplicaSet's size, the largest taking the rounding leftover.
     *
     * @param active the active ReplicaSets (any order)
     * @param statusReplicas the deployment's {@code status.replicas} (pods of all its ReplicaSets)
     * @return the next sizes, in the order of {@code active}
     */
    public static int[] proportionalScale(List<Scaled> active, int replicas, int maxSurge, int statusReplicas) {
        int current = 0;
        for (Scaled s : active) {
            current += s.replicas();
        }
        int allowed = replicas > 0 ? replicas + maxSurge : 0;
        int toAdd = allowed - current;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            order.add(i);
        }
        // ReplicaSetsBySizeNewer when adding, ReplicaSetsBySizeOlder when removing
        Comparator<Integer> bySize = Comparator.comparingInt((Integer i) -> active.get(i).replicas()).reversed();
        Comparator<Integer> byAge = Comparator.comparingLong(i -> active.get(i).created());
        order.sort(toAdd > 0 ? bySize.thenComparing(byAge.reversed()) : bySize.thenComparing(byAge));
        int[] sizes = new int[active.size()];
        int added = 0;
        for (int i : order) {
            Scaled rs = active.get(i);
            int proportion = toAdd == 0 ? 0 : proportion(rs, replicas, maxSurge, statusReplicas, toAdd, added);
            sizes[i] = rs.replicas() + proportion;
            added += proportion;
        }
        if (toAdd != 0 && !order.isEmpty()) {
            int first = order.get(0);
            sizes[first] = Math.max(0, sizes[first] + toAdd - added);
        }
        return sizes;
    }

    /** Upstream {@code GetProportion}. */
    static int proportion(Scaled rs, int replicas, int maxSurge, int statusReplicas, int toAdd, int added) {
        if (rs.replicas() == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = replicaSetFraction(rs, replicas, maxSurge, statusReplicas);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /**
     * Upstream {@code getReplicaSetFraction}: the ReplicaSet's share of the deployment's new size,
     * relative to the size recorded in its {@code max-replicas} annotation (or {@code status.replicas}
     * without one), as a change; 0 when neither is known.
     */
    static int replicaSetFraction(Scaled rs, int replicas, int maxSurge, int statusReplicas) {
        if (replicas == 0) {
            return -rs.replicas();
        }
        int deploymentReplicas = replicas + maxSurge;
        int annotated = rs.maxReplicasAnnotation() > 0 ? rs.maxReplicasAnnotation() : statusReplicas;
        if (annotated <= 0) {
            return 0;
        }
        double size = (double) rs.replicas() * deploymentReplicas / annotated;
        return (int) Math.round(size) - rs.replicas();
    }

    static int sumReplicas(List<Rs> sets) {
        int sum = 0;
        for (Rs rs : sets) {
            sum += rs.replicas();
        }
        return sum;
    }
}
