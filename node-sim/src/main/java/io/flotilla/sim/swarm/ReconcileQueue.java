package io.flotilla.sim.swarm;

/**
 * Services the orchestrators bring back to what they should run once the current input has been
 * handled, in the order they were queued (a service queued twice keeps its first place).
 */
interface ReconcileQueue {

    void add(String service);

    /** Every service, in the order they were created: a node change may matter to any of them. */
    void addAll();
}
