package io.flotilla.scheduler.storage;

/**
 * A volume as declared: its name, its {@link Scope}, the driver or storage class that provides it
 * ({@code local} for Docker's local driver), and how much of its node's disk a copy on a node takes.
 */
public record VolumeSpec(String name, Scope scope, String driver, long sizeBytes) {

    /** A volume that takes no disk. */
    public VolumeSpec(String name, Scope scope, String driver) {
        this(name, scope, driver, 0);
    }

    /** The same volume, taking {@code bytes} of its node's disk. */
    public VolumeSpec withSize(long bytes) {
        return new VolumeSpec(name, scope, driver, bytes);
    }

    /** Whether a copy lives on a node's disk (not on network storage). */
    public boolean onNode() {
        return scope != Scope.NETWORK;
    }

    /** Docker's {@code local} driver: one volume of this name per node. */
    public static VolumeSpec local(String name) {
        return new VolumeSpec(name, Scope.EACH_NODE, "local");
    }

    /** One copy that stays on the node it is made on. */
    public static VolumeSpec pinned(String name, String driver) {
        return new VolumeSpec(name, Scope.ONE_NODE, driver);
    }

    /** One copy on network storage provided by {@code driver}. */
    public static VolumeSpec network(String name, String driver) {
        return new VolumeSpec(name, Scope.NETWORK, driver);
    }
}
