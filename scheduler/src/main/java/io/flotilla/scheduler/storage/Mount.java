package io.flotilla.scheduler.storage;

/**
 * A task using a volume: its lineage, the node it runs on, since when, and whether it writes (a
 * read-only mount holds the volume on its node but adds nothing to it).
 */
public record Mount(String lineage, String node, long since, boolean writes) {}
