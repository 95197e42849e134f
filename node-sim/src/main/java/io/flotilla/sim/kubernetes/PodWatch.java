package io.flotilla.sim.kubernetes;

/**
 * A watch on pods: what the API server's pod writes tell the rest of the control plane, in the
 * order they happen. The control plane passes each to the parts that react to it.
 */
interface PodWatch {

    /** A pod was created and waits for a node. */
    void created(PodState p);

    /** A pod was bound to its node. */
    void bound(PodState p);

    /** A pod became Terminating (its deletion timestamp is set). */
    void terminating(PodState p);

    /** A pod object is gone from the store. */
    void removed(PodState p);
}
