package io.flotilla.scheduler.storage;

/** One change a storage operation made, with the volume as it is afterwards; callers log each as an event. */
public sealed interface VolumeChange {

    Volume volume();

    /** Made, empty. */
    record Created(Volume volume) implements VolumeChange {}

    /** A node has it now ({@link Volume#node()}). */
    record Attached(Volume volume) implements VolumeChange {}

    /** No node has it now; {@code from} is the node that had it. */
    record Detached(Volume volume, String from) implements VolumeChange {}

    /** Its node went down. */
    record Lost(Volume volume) implements VolumeChange {}

    /** A snapshot was taken. */
    record BackedUp(Volume volume, Backup backup) implements VolumeChange {}

    /** Its content became the backup's. */
    record Restored(Volume volume, Backup backup) implements VolumeChange {}

    /** It is gone, with its data. */
    record Deleted(Volume volume) implements VolumeChange {}
}
