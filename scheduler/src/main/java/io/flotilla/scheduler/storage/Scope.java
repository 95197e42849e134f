package io.flotilla.scheduler.storage;

/** How many copies of a volume there are and where they come to be. */
public enum Scope {
    /**
     * Docker's {@code local} driver: a volume of that name on each node, made empty where a task
     * first mounts it. A task on another node gets that node's copy, never the first one's data.
     */
    EACH_NODE,
    /**
     * One copy on the node where it is first mounted or provisioned, and only there (a Kubernetes
     * local persistent volume): a mount from any other node is refused.
     */
    ONE_NODE,
    /** One copy on network storage, attached to one node at a time (a volume plugin, a network storage class). */
    NETWORK
}
