package io.flotilla.sim.kubernetes;

/**
 * A watch on the node lifecycle controller's writes to nodes: what they tell the rest of the
 * control plane, in the order they happen.
 */
interface NodeWatch {

    /** The node's Ready condition or taints changed: the scheduler's cache takes it, unschedulable pods retry. */
    void updated(NodeState node);

    /** The node's NoExecute taints changed: its pods' tolerations are checked again. */
    void noExecuteTaintsChanged(NodeState node);

    /** Pods became ready or not ready with their node: the workload controllers look again. */
    void readinessChanged();
}
