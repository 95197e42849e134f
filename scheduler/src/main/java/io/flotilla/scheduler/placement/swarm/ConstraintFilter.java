package io.flotilla.scheduler.placement.swarm;

/** Every placement constraint matches the node (see {@link Constraint}). */
final class ConstraintFilter implements Filter {

    static final String ONE = "scheduling constraints not satisfied on 1 node";
    static final String MANY = "scheduling constraints not satisfied on %d nodes";
    static final String REASON = "scheduling constraints not satisfied";

    @Override
    public boolean enabled(TaskDemand demand) {
        return !demand.constraints().isEmpty();
    }

    @Override
    public boolean check(TaskDemand demand, NodeInfo node) {
        return Constraint.matchAll(demand.constraints(), node.node.spec(), node.node.spec().role());
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
