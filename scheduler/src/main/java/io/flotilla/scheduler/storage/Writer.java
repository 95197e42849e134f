package io.flotilla.scheduler.storage;

/**
 * Who writes: the task ({@code web.1#2}, a pod's uid) and its lineage, the name its replacements
 * share ({@code web.1}, {@code db-0}). Writes are counted per lineage, so that a replacement
 * finds, or misses, what the task before it wrote.
 */
public record Writer(String task, String lineage) {}
