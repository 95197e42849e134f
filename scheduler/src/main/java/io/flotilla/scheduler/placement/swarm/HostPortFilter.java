package io.flotilla.scheduler.placement.swarm;

/** None of the task's (protocol, published port) host-mode pairs is held on the node. */
final class HostPortFilter implements Filter {

    static final String ONE = "host-mode port already in use on 1 node";
    static final String MANY = "host-mode port already in use on %d nodes";
    static final String REASON = "host-mode port already in use";

    @Override
    public boolean enabled(TaskDemand demand) {
        return demand.usage().hostPorts().length > 0;
    }

    @Override
    public boolean check(TaskDemand demand, NodeInfo node) {
        return node.portsFree(demand.usage().hostPorts());
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
