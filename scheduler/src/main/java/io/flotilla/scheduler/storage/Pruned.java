package io.flotilla.scheduler.storage;

import java.util.List;
import java.util.Optional;

/**
 * What a {@code docker volume prune} on one node did: the volumes it removed with their data
 * ({@code changes}, one {@link VolumeChange.Deleted} each, and their names in {@code removed}), or,
 * when it removed none, why not ({@code nothing}), volume by volume.
 */
public record Pruned(List<VolumeChange> changes, List<String> removed, Optional<String> nothing) {

    public Pruned {
        changes = List.copyOf(changes);
        removed = List.copyOf(removed);
    }
}
