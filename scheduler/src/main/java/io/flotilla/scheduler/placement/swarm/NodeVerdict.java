package io.flotilla.scheduler.placement.swarm;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One node as one task saw it. An infeasible node carries the reason of the first filter it failed
 * (for example {@code insufficient resources}) and no ranking keys; a feasible one carries the keys
 * {@code nodeLess} compares: {@value #RECENT_FAILURES}, {@value #SERVICE_TASKS}, {@value #TOTAL_TASKS}.
 */
public record NodeVerdict(String node, boolean feasible, String reason, SortedMap<String, Long> rankingKeys) {

    public static final String RECENT_FAILURES = "recentFailures";
    public static final String SERVICE_TASKS = "serviceTasks";
    public static final String TOTAL_TASKS = "totalTasks";

    public NodeVerdict {
        rankingKeys = Collections.unmodifiableSortedMap(new TreeMap<>(rankingKeys));
    }
}
