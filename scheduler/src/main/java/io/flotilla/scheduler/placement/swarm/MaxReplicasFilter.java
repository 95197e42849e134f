package io.flotilla.scheduler.placement.swarm;

/** The node runs fewer active tasks of the service than {@code max_replicas}. */
final class MaxReplicasFilter implements Filter {

    /** Upstream's text has no count, and its typo ("exceed") is kept. */
    static final String TEXT = "max replicas per node limit exceed";

    @Override
    public boolean enabled(TaskDemand demand) {
        return demand.maxReplicas() > 0;
    }

    @Override
    public boolean check(TaskDemand demand, NodeInfo node) {
        return node.serviceTasks(demand.serviceIndex()) < demand.maxReplicas();
    }

    @Override
    public String explain(int nodes) {
        return TEXT;
    }

    @Override
    public String reason() {
        return TEXT;
    }
}
