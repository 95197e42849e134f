package io.flotilla.scheduler.placement.swarm;

/**
 * One step of swarmkit's filter pipeline ({@code manager/scheduler/filter.go}), stateless: the demand
 * comes in with every call. Each filter owns its texts: {@link #explain} for the summary line and
 * {@link #reason} for a single node in an explanation.
 */
interface Filter {

    /** Whether the filter applies to tasks with this demand (swarmkit {@code SetTask}). */
    boolean enabled(TaskDemand demand);

    /** Whether the node passes; only called when {@link #enabled}. */
    boolean check(TaskDemand demand, NodeInfo node);

    /** The upstream text for {@code nodes} failures (swarmkit {@code Explain}). */
    String explain(int nodes);

    /** Why one node failed, without a count. */
    String reason();
}
