package io.flotilla.network.gossip;

/** A member as one node's memberlist sees it. */
public enum MemberState {
    ALIVE,
    /** A probe failed; the member is declared dead when the suspicion timer runs out, unless it refutes. */
    SUSPECT,
    /** Declared failed: NetworkDB hides (or deletes) its entries; it may come back. */
    DEAD,
    /** Left on purpose, or replaced by a new incarnation of the daemon: its entries are deleted. */
    LEFT
}
