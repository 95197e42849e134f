package io.flotilla.scheduler.placement.swarm;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Swarmkit's {@code nodeLess} for one task group (scheduler.go {@code scheduleTaskGroup}): recent
 * failures decide only when one of the two nodes has at least {@link FailureHistory#MAX_FAILURES};
 * then fewer tasks of the service; then fewer tasks in total. Free resources play no part.
 */
final class Ranking {

    private final int service;
    private final int[] recentFailures;

    /** {@code recentFailures[node]} for this (service, spec version), or null when there are none. */
    Ranking(int service, int[] recentFailures) {
        this.service = service;
        this.recentFailures = recentFailures;
    }

    int recentFailures(NodeInfo n) {
        return recentFailures == null ? 0 : recentFailures[n.index];
    }

    /** Upstream's nodeLess: true when {@code a} is strictly better than {@code b}. */
    boolean less(NodeInfo a, NodeInfo b) {
        return compareRank(a, b) < 0;
    }

    /**
     * nodeLess as a total order: equally ranked nodes go by their place in the request, where
     * swarmkit leaves the tie to map and heap order.
     */
    int compare(NodeInfo a, NodeInfo b) {
        int c = compareRank(a, b);
        return c != 0 ? c : Integer.compare(a.index, b.index);
    }

    /**
     * nodeLess is the order of (faulty, failures if faulty, service tasks, total tasks), where faulty
     * means at least MAX_FAILURES: below the threshold failures are ignored.
     */
    private int compareRank(NodeInfo a, NodeInfo b) {
        if (recentFailures != null) {
            int fa = recentFailures[a.index];
            int fb = recentFailures[b.index];
            if ((fa >= FailureHistory.MAX_FAILURES || fb >= FailureHistory.MAX_FAILURES) && fa != fb) {
                return fa < fb ? -1 : 1;
            }
        }
        int c = Integer.compare(a.serviceTasks(service), b.serviceTasks(service));
        return c != 0 ? c : Integer.compare(a.activeTasks(), b.activeTasks());
    }

    SortedMap<String, Long> keys(NodeInfo n) {
        SortedMap<String, Long> keys = new TreeMap<>();
        keys.put(NodeVerdict.RECENT_FAILURES, (long) recentFailures(n));
        keys.put(NodeVerdict.SERVICE_TASKS, (long) n.serviceTasks(service));
        keys.put(NodeVerdict.TOTAL_TASKS, (long) n.activeTasks());
        return keys;
    }
}
