package io.flotilla.scheduler.storage;

/** A task writing to a volume: its lineage, the node it runs on, and since when it writes. */
public record Mount(String lineage, String node, long since) {}
