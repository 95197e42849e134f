package io.flotilla.scheduler.storage;

import java.util.List;
import java.util.Map;

/** A snapshot of a volume's content: the writes it held at {@code at}, per lineage. */
public record Backup(String name, VolumeKey volume, long at, Map<String, List<Span>> content) {

    public Backup {
        content = Map.copyOf(content);
    }
}
