package io.flotilla.scheduler.storage;

/** Where a volume's data lives: on one node's disk, or on network storage any node may attach. */
public sealed interface Place permits Place.OnNode, Place.Backend {

    /** On this node's disk: the data is there and only there, and gone from view while it is down. */
    record OnNode(String node) implements Place {}

    /** On network storage (a volume plugin, a storage class): attachable to one node at a time. */
    record Backend(String name) implements Place {}
}
