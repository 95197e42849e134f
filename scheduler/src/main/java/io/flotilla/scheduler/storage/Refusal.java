package io.flotilla.scheduler.storage;

/**
 * Why a storage operation changed nothing. {@code text} is a neutral sentence; a control plane may
 * word the {@link Kind} as its own upstream does (Kubernetes' {@code Multi-Attach error}, say).
 */
public record Refusal(Kind kind, String text) {

    /** What stood in the way. */
    public enum Kind {
        /** No volume of that name is declared, or none exists yet. */
        UNKNOWN_VOLUME,
        /** No backup of that name was taken. */
        UNKNOWN_BACKUP,
        /** A backup of that name exists already. */
        DUPLICATE_BACKUP,
        /** The single-writer rule: a network volume is attached to another node. */
        ATTACHED_ELSEWHERE,
        /** The volume lives on another node's disk. */
        ON_OTHER_NODE,
        /** A task mounts it. */
        IN_USE,
        /** Its node is down. */
        LOST
    }
}
