package io.flotilla.network.gossip;

import java.util.Optional;

/** Something one node came to believe at a virtual time. */
public sealed interface GossipEvent {

    long time();

    String observer();

    /** What happened to an entry in the observer's view. */
    enum Op { ADDED, UPDATED, REMOVED }

    /**
     * An endpoint entered, changed in, or left the observer's view of a network. {@code value} is the
     * entry after the change, or before it for {@link Op#REMOVED}.
     */
    record EntryChanged(long time, String observer, String network, String key, String owner, Op op, Endpoint value)
            implements GossipEvent {}

    /** The observer's memberlist moved a member from one state to another. */
    record MemberChanged(long time, String observer, String member, Optional<MemberState> from, MemberState to)
            implements GossipEvent {}
}
