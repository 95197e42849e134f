package io.flotilla.network.gossip;

/**
 * How a broadcast (a member's state, a table entry) travels from the node that has it to the others.
 * Both are deterministic given the seed; both check the underlay at the moment a message is sent.
 */
public sealed interface Dissemination {

    /**
     * memberlist's epidemic: every gossip interval (200 ms, each node on its own seeded phase) a node
     * with queued messages sends them to {@code gossipNodes} (3) random peers; a message is sent at
     * most {@code retransmitMult * ceil(log10(n + 1))} times by each node that holds it, and a node
     * that learns something new queues it again. What an epidemic misses, the 30 s push/pull repairs.
     */
    enum Epidemic implements Dissemination { INSTANCE }

    /**
     * A fixed delay per hop: everyone the sender reaches learns after {@code hopNanos}, everyone
     * reached only through them after two hops, and so on. Handy when a test wants round numbers.
     */
    record FixedDelay(long hopNanos) implements Dissemination {}
}
