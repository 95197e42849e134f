package io.flotilla.scheduler.model;

/**
 * A secret or config a service is granted, as its tasks see it (swarmkit's SecretReference and
 * ConfigReference): the object's {@code name} and {@code id}, and the file it becomes in the
 * container, {@code target}, owned by {@code uid}:{@code gid} with permission bits {@code mode}.
 * A secret's relative target lies under {@code /run/secrets/}, a config's under {@code /}; compose's
 * defaults are the object's own name, {@code 0}, {@code 0} and {@code 0444}.
 */
public record FileReference(Kind kind, String name, String id, String target, String uid, String gid, int mode) {

    /** Docker's default permission bits for a secret or config file: {@code 0444}. */
    public static final int DEFAULT_MODE = 0444;

    /** A Swarm secret (a Kubernetes Secret) or config (a ConfigMap). */
    public enum Kind {
        SECRET("/run/secrets/"),
        CONFIG("/");

        private final String directory;

        Kind(String directory) {
            this.directory = directory;
        }

        /** Where a relative target lies in the container. */
        public String directory() {
            return directory;
        }

        /** {@code secret} or {@code config}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The path in the container of a target written relative or absolute. */
    public static String path(Kind kind, String target) {
        return target.startsWith("/") ? target : kind.directory() + target;
    }
}
