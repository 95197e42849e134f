package io.flotilla.scheduler.placement.swarm;

/** The node is READY and ACTIVE: PAUSE, DRAIN, DOWN, UNKNOWN and DISCONNECTED all fail. */
final class ReadyFilter implements Filter {

    static final String ONE = "1 node not available for new tasks";
    static final String MANY = "%d nodes not available for new tasks";
    static final String REASON = "not available for new tasks";

    @Override
    public boolean enabled(TaskDemand demand) {
        return true;
    }

    @Override
    public boolean check(TaskDemand demand, NodeInfo node) {
        return node.ready;
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
