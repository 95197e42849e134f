package io.flotilla.scheduler.storage;

/** Whether a node has a volume: the words of {@code volume: {NAME: {state: ...}}}. */
public enum VolumeState {
    /** A node has it: a network volume attached to a node, or a node volume a task mounts. */
    ATTACHED,
    /** No node has it; its data waits where it is. */
    DETACHED,
    /** Its data cannot be reached: the node it lives on is down. */
    LOST;

    /** The lower-case word scenario files and output use. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
