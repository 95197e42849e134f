package io.flotilla.scheduler.model;

/**
 * One mount of a task's container, as compose's service {@code volumes} write it: a named volume
 * ({@code cache:/var/cache/nginx}) or a bind mount of a host path ({@code /var/log:/logs}), at
 * {@code target}, read-only or not. A named volume's mount carries the driver of its top-level
 * declaration, as {@code docker stack deploy} copies it into the mount's volume options, so that
 * swarmkit's PluginFilter can read it from the task alone; a bind mount has none ({@code ""}).
 */
public record VolumeMount(Type type, String source, String target, boolean readOnly, String driver) {

    /** Docker's {@code local} volume driver, built into every engine. */
    public static final String LOCAL = "local";

    /** {@code volume} (a named volume) or {@code bind} (a host path). */
    public enum Type {
        VOLUME,
        BIND;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static VolumeMount volume(String source, String target, boolean readOnly, String driver) {
        return new VolumeMount(Type.VOLUME, source, target, readOnly, driver);
    }

    public static VolumeMount bind(String source, String target, boolean readOnly) {
        return new VolumeMount(Type.BIND, source, target, readOnly, "");
    }

    /** Whether the mount needs a volume plugin on the node (swarmkit: a volume mount whose driver is not {@code local}). */
    public boolean needsPlugin() {
        return type == Type.VOLUME && !driver.isEmpty() && !driver.equals(LOCAL);
    }

    /** Whether the task writes through it: a read-only mount writes nothing. */
    public boolean writes() {
        return !readOnly;
    }
}
