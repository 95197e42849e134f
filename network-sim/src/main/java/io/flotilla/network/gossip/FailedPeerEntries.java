package io.flotilla.network.gossip;

/**
 * What a node's NetworkDB does with a peer's table entries when memberlist declares that peer failed.
 * Either way the entries leave DNS and the load balancers at once; they differ when the peer returns.
 */
public enum FailedPeerEntries {

    /**
     * The newest behaviour (moby {@code networkdb/nodemgmt.go changeNodeState}, moby#53142, fixing
     * moby#53141): the entries are hidden but kept, and republished the moment the peer is active
     * again. The default.
     */
    SUSPEND,
    /**
     * Docker releases up to v29: the entries are deleted. After the peer returns they stay missing
     * until it changes them (a new task, a forced update), so the service's name gives NXDOMAIN on the
     * nodes that dropped them (moby#53141).
     */
    DELETE
}
