package io.flotilla.scheduler.storage;

import java.util.Locale;
import java.util.Optional;

/**
 * A node's container storage driver, and what it costs: how much disk a container's own layer takes
 * when it is created, and how long the creation takes. The copy-on-write drivers ({@code overlay2},
 * Docker's default, and {@code fuse-overlayfs}) give a new container an empty upper layer over the
 * image's, at once; {@code vfs} has no copy-on-write and copies the whole image into every
 * container, which is why it is only for testing. Flotilla copies at {@link #VFS_COPY_BYTES_PER_SECOND}.
 */
public enum StorageDriver {
    OVERLAY2(true),
    FUSE_OVERLAYFS(true),
    VFS(false);

    /** How fast {@code vfs} copies an image into a new container (Flotilla's figure: a local disk). */
    public static final long VFS_COPY_BYTES_PER_SECOND = 200L * 1024 * 1024;

    private final boolean copyOnWrite;

    StorageDriver(boolean copyOnWrite) {
        this.copyOnWrite = copyOnWrite;
    }

    /** The driver's name as Docker spells it ({@code overlay2}, {@code fuse-overlayfs}, {@code vfs}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<StorageDriver> of(String key) {
        for (StorageDriver d : values()) {
            if (d.key().equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The disk a new container of an image of {@code imageBytes} takes for its own layer. */
    public long containerBytes(long imageBytes) {
        return copyOnWrite ? 0 : imageBytes;
    }

    /** How long creating that container takes (virtual nanoseconds). */
    public long createNanos(long imageBytes) {
        return copyOnWrite ? 0 : (long) Math.ceil(imageBytes * 1e9 / VFS_COPY_BYTES_PER_SECOND);
    }
}
