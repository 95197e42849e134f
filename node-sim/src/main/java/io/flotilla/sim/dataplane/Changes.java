package io.flotilla.sim.dataplane;

/**
 * What a {@link Plane} tells the data plane's logs as it changes: addresses handed out, nodes taking
 * part in a network or no longer, and views whose DNS answers or load balancers may now differ.
 * The logs read the plane again at the end of the instant and write only what really changed.
 */
interface Changes {

    /** The task (pod) got {@code address} on {@code network} from a node's daemon (or its pod IP). */
    void addressed(String taskId, String network, String address);

    /** One more container (task or client) of {@code node} is on {@code network}. */
    void attached(String node, String network);

    /** One container fewer of {@code node} is on {@code network}. */
    void detached(String node, String network);

    /** The node crashed: none of its containers is anywhere any more. */
    void nodeGone(String node);

    /** {@code node}'s view of {@code network} changed. */
    void viewChanged(String node, String network);

    /** Something every view reads changed (a service declared, the cluster DNS's catalogue, kube-proxy's rules). */
    void everythingChanged();
}
