package io.flotilla.scheduler.placement.swarm;

/** CPU, memory and every generic kind reserved fit in what the node still has free. */
final class ResourceFilter implements Filter {

    static final String ONE = "insufficient resources on 1 node";
    static final String MANY = "insufficient resources on %d nodes";
    static final String REASON = "insufficient resources";

    @Override
    public boolean enabled(TaskDemand demand) {
        return demand.usage().reservesResources();
    }

    @Override
    public boolean check(TaskDemand demand, NodeInfo node) {
        return node.fits(demand.usage());
    }

    @Override
    public String explain(int nodes) {
        return nodes == 1 ? ONE : MANY.formatted(nodes);
    }

    @Override
    public String reason() {
        return REASON;
    }
}
