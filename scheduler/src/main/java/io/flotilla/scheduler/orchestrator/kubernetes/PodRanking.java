package io.flotilla.scheduler.orchestrator.kubernetes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which pods a ReplicaSet deletes first when it has too many: upstream
 * {@code controller.ActivePodsWithRanks.Less} (pkg/controller/controller_utils.go), with the
 * PodDeletionCost and LogarithmicScaleDown features on, as they are by default. The first rule that
 * tells two pods apart decides:
 *
 * <ol>
 *   <li>unassigned before assigned;
 *   <li>phase Pending before Unknown before Running;
 *   <li>not ready before ready;
 *   <li>lower {@code controller.kubernetes.io/pod-deletion-cost} first;
 *   <li>higher rank first (more active pods of the same controller on its node: doubled up);
 *   <li>both ready: ready for less time first, compared in {@code floor(log2(age))} buckets, ties in
 *       a bucket broken by pod UID;
 *   <li>more container restarts first;
 *   <li>created more recently first, in the same buckets and with the same UID tie-break.
 * </ol>
 *
 * Pods still equal keep their input order (upstream's sort is not stable; the simulator passes pods
 * in creation order, so its choice is fixed).
 *
 * <p>The ranking is not transitive, upstream's neither: two pods ready at different times in one
 * bucket are told apart by UID, while two ready at the same time go on to their restarts, so three
 * pods can each go before the next. Go's sort takes that in its stride; {@link List#sort} may refuse
 * it ("Comparison method violates its general contract"), so {@link #sort} merges by itself.
 */
public final class PodRanking {

    /** Pod phases as the ranking orders them. */
    public enum Phase {
        PENDING,
        UNKNOWN,
        RUNNING
    }

    /**
     * What the ranking reads of one pod. Times are virtual nanoseconds, -1 when absent (a zero
     * timestamp upstream); {@code uid} stands for the pod's random UID.
     */
    public record Ranked(String id, String node, Phase phase, boolean ready, long readySince, int restarts,
            long created, long uid, int rank, int deletionCost) {}

    private PodRanking() {}

    /** The pods in deletion order, first to delete first. */
    public static List<Ranked> sort(List<Ranked> pods, long now) {
        Ranked[] out = pods.toArray(Ranked[]::new);
        mergeSort(out, out.clone(), 0, out.length, order(now));
        return new ArrayList<>(List.of(out));
    }

    /** A stable merge sort that takes any answer the comparator gives. */
    private static void mergeSort(Ranked[] pods, Ranked[] scratch, int from, int to, Comparator<Ranked> order) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(pods, scratch, from, middle, order);
        mergeSort(pods, scratch, middle, to, order);
        System.arraycopy(pods, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int at = from; at < to; at++) {
            boolean takeRight = left == middle || (right < to && order.compare(scratch[right], scratch[left]) < 0);
            pods[at] = takeRight ? scratch[right++] : scratch[left++];
        }
    }

    /** The ordering at virtual {@code now}; negative when the first pod should be deleted first. */
    public static Comparator<Ranked> order(long now) {
        return (a, b) -> less(a, b, now) ? -1 : less(b, a, now) ? 1 : 0;
    }

    static boolean less(Ranked a, Ranked b, long now) {
        boolean aUnassigned = a.node().isEmpty();
        boolean bUnassigned = b.node().isEmpty();
        if (!a.node().equals(b.node()) && (aUnassigned || bUnassigned)) {
            return aUnassigned;
        }
        if (a.phase() != b.phase()) {
            return a.phase().compareTo(b.phase()) < 0;
        }
        if (a.ready() != b.ready()) {
            return !a.ready();
        }
        if (a.deletionCost() != b.deletionCost()) {
            return a.deletionCost() < b.deletionCost();
        }
        if (a.rank() != b.rank()) {
            return a.rank() > b.rank();
        }
        if (a.ready() && b.ready() && a.readySince() != b.readySince()) {
            return newerFirst(a.readySince(), b.readySince(), a, b, now);
        }
        if (a.restarts() != b.restarts()) {
            return a.restarts() > b.restarts();
        }
        if (a.created() != b.created()) {
            return newerFirst(a.created(), b.created(), a, b, now);
        }
        return false;
    }

    /** Zero (absent) first, then the later time, compared in logarithmic buckets of age. */
    private static boolean newerFirst(long t1, long t2, Ranked a, Ranked b, long now) {
        if (t1 < 0 || t2 < 0) {
            return t1 < 0;
        }
        long diff = logRank(now - t1) - logRank(now - t2);
        if (diff == 0) {
            return a.uid() < b.uid();
        }
        return diff < 0;
    }

    /** Upstream {@code logarithmicRankDiff}'s rank: {@code floor(log2(age in ns))}, -1 for no age. */
    static long logRank(long ageNanos) {
        return ageNanos > 0 ? 63 - Long.numberOfLeadingZeros(ageNanos) : -1;
    }
}
