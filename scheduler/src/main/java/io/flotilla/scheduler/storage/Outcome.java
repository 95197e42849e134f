package io.flotilla.scheduler.storage;

import java.util.List;
import java.util.Optional;

/** What a storage operation did: its changes, or the refusal that left everything as it was. */
public record Outcome(List<VolumeChange> changes, Optional<Refusal> refusal) {

    public Outcome {
        changes = List.copyOf(changes);
    }

    static Outcome of(List<VolumeChange> changes) {
        return new Outcome(changes, Optional.empty());
    }

    static Outcome refused(Refusal.Kind kind, String text) {
        return new Outcome(List.of(), Optional.of(new Refusal(kind, text)));
    }

    public boolean refused() {
        return refusal.isPresent();
    }
}
