package io.flotilla.scheduler.storage;

import java.util.Optional;

/**
 * Which volume: its name, and for a volume of Docker's {@code local} driver the node it is on
 * (each node has its own {@code cache}). Prints as {@code cache on worker-1} or {@code files}.
 */
public record VolumeKey(String name, Optional<String> node) implements Comparable<VolumeKey> {

    /** The one volume of that name. */
    public static VolumeKey of(String name) {
        return new VolumeKey(name, Optional.empty());
    }

    /** The copy of {@code name} on {@code node}. */
    public static VolumeKey on(String name, String node) {
        return new VolumeKey(name, Optional.of(node));
    }

    @Override
    public int compareTo(VolumeKey other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : node.orElse("").compareTo(other.node.orElse(""));
    }

    @Override
    public String toString() {
        return node.map(n -> name + " on " + n).orElse(name);
    }
}
