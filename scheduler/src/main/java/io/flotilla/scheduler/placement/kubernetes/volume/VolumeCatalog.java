package io.flotilla.scheduler.placement.kubernetes.volume;

import java.util.List;
import java.util.Optional;

/** The storage objects of the API server, as the scheduler's informers list them. */
public interface VolumeCatalog {

    Optional<PersistentVolumeClaim> claim(String namespace, String name);

    Optional<PersistentVolume> volume(String name);

    /** The volumes of a class, by name (the order the scheduler tries equal candidates in). */
    List<PersistentVolume> volumes(String storageClass);

    Optional<StorageClass> storageClass(String name);

    /** A cluster with no storage at all. */
    VolumeCatalog EMPTY = new VolumeCatalog() {
        @Override
        public Optional<PersistentVolumeClaim> claim(String namespace, String name) {
            return Optional.empty();
        }

        @Override
        public Optional<PersistentVolume> volume(String name) {
            return Optional.empty();
        }

        @Override
        public List<PersistentVolume> volumes(String storageClass) {
            return List.of();
        }

        @Override
        public Optional<StorageClass> storageClass(String name) {
            return Optional.empty();
        }
    };
}
