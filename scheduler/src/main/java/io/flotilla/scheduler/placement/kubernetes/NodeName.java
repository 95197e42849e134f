package io.flotilla.scheduler.placement.kubernetes;

/** A pod with {@code spec.nodeName} set fits only that node (upstream {@code nodename.Fits}). */
final class NodeName implements FilterPlugin {

    static final String NAME = "NodeName";
    static final String ERR_REASON = "node(s) didn't match the requested node name";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        String wanted = pod.pod.nodeName();
        return wanted.isEmpty() || wanted.equals(node.name) ? Status.SUCCESS : Status.unresolvable(ERR_REASON);
    }
}
