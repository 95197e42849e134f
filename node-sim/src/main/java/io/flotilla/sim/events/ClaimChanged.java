package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Belief (Kubernetes strategy): a PersistentVolumeClaim was created, bound to a volume, marked for
 * deletion or removed ({@code change}: create, bound, deleting, delete). {@code volume} is the
 * PersistentVolume once bound (null before); {@code owner} what deletes it along with itself
 * ({@code statefulset db}, {@code pod db-3}, or null: nobody), as the set's retention policy says;
 * {@code message} says why, in upstream's words where it has them.
 */
public record ClaimChanged(String claim, String change, String storageClass, long sizeBytes, String volume, String owner,
        String message) implements Event {
    @Override
    public String type() {
        return "claim." + change;
    }
}
