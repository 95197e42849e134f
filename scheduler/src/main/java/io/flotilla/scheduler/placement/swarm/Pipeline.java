package io.flotilla.scheduler.placement.swarm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Swarmkit's filter pipeline for one task group ({@code pipeline.go}). {@link #process} stops at the
 * first failing filter and counts the node against that filter only; a node that passes every filter
 * resets all counts. So {@link #explain} describes the nodes rejected since the last feasible one.
 */
final class Pipeline {

    /**
     * The filters in swarmkit's order, readiness first. Swarmkit's CSI VolumesFilter (last) is not
     * modelled.
     */
    static final List<Filter> FILTERS = List.of(
            new ReadyFilter(),
            new ResourceFilter(),
            new PluginFilter(),
            new ConstraintFilter(),
            new PlatformFilter(),
            new HostPortFilter(),
            new MaxReplicasFilter());

    private final TaskDemand demand;
    private final Filter[] enabled;
    private final int[] failures;

    Pipeline(TaskDemand demand) {
        this.demand = demand;
        this.enabled = FILTERS.stream().filter(f -> f.enabled(demand)).toArray(Filter[]::new);
        this.failures = new int[enabled.length];
    }

    TaskDemand demand() {
        return demand;
    }

    boolean process(NodeInfo node) {
        for (int i = 0; i < enabled.length; i++) {
            if (!enabled[i].check(demand, node)) {
                failures[i]++;
                return false;
            }
        }
        Arrays.fill(failures, 0);
        return true;
    }

    /** The first filter the node fails, without counting it. */
    Optional<Filter> firstFailure(NodeInfo node) {
        for (Filter f : enabled) {
            if (!f.check(demand, node)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The failing filters' texts, most failures first, ties in pipeline order (Go's stable insertion
     * sort on so few elements), joined with "; ". Empty when nothing failed.
     */
    String explain() {
        StringBuilder out = new StringBuilder();
        boolean[] used = new boolean[enabled.length];
        while (true) {
            int best = -1;
            for (int i = 0; i < enabled.length; i++) {
                if (!used[i] && failures[i] > 0 && (best < 0 || failures[i] > failures[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                return out.toString();
            }
            used[best] = true;
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(enabled[best].explain(failures[best]));
        }
    }
}
