package io.flotilla.scheduler.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One node's disk: its size (none: it never fills) and what takes space on it, images' layers
 * (each layer once per node, kept across a crash), containers' own layers (as the {@link StorageDriver} makes them) and
 * local volumes. Mutable, owned by the node; pure arithmetic, no clock.
 */
public final class NodeDisk {

    /** The engine's words when a write finds the disk full. */
    public static final String FULL = "no space left on device";

    private final OptionalLong size;
    private final StorageDriver driver;
    private final Map<String, Long> used = new LinkedHashMap<>();

    public NodeDisk(OptionalLong size, StorageDriver driver) {
        this.size = size;
        this.driver = driver;
    }

    public StorageDriver driver() {
        return driver;
    }

    /** The bytes left; empty when the disk has no size. */
    public OptionalLong free() {
        return size.isPresent() ? OptionalLong.of(size.getAsLong() - usedBytes()) : OptionalLong.empty();
    }

    public long usedBytes() {
        return used.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether {@code bytes} more fit. */
    public boolean fits(long bytes) {
        return size.isEmpty() || usedBytes() + bytes <= size.getAsLong();
    }

    public boolean has(String what) {
        return used.containsKey(what);
    }

    /** Takes {@code bytes} for {@code what} ({@code layer:sha256:...}, {@code container:web.1#1}, {@code volume:cache}). */
    public void take(String what, long bytes) {
        used.put(what, bytes);
    }

    public void free(String what) {
        used.remove(what);
    }

    /** Frees everything whose key starts with {@code prefix} (every container's layer, at a crash). */
    public void freeAll(String prefix) {
        used.keySet().removeIf(k -> k.startsWith(prefix));
    }
}
