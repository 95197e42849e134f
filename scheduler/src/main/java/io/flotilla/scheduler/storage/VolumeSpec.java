package io.flotilla.scheduler.storage;

/**
 * A volume as declared: its name, its {@link Scope}, and the driver or storage class that
 * provides it ({@code local} for Docker's local driver).
 */
public record VolumeSpec(String name, Scope scope, String driver) {

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
