package io.flotilla.scheduler.admission.kubernetes;

import java.util.Optional;

/**
 * A seccomp or AppArmor profile of a securityContext: its {@code type} and, for {@code Localhost},
 * the profile's name on the node.
 */
public record SecurityProfile(Type type, Optional<String> localhostProfile) {

    public static final SecurityProfile RUNTIME_DEFAULT = new SecurityProfile(Type.RUNTIME_DEFAULT, Optional.empty());
    public static final SecurityProfile UNCONFINED = new SecurityProfile(Type.UNCONFINED, Optional.empty());

    /** A profile loaded on the node under {@code name}. */
    public static SecurityProfile localhost(String name) {
        return new SecurityProfile(Type.LOCALHOST, Optional.of(name));
    }

    /** The profile types, with the API's spelling. */
    public enum Type {
        RUNTIME_DEFAULT("RuntimeDefault"),
        LOCALHOST("Localhost"),
        UNCONFINED("Unconfined");

        private final String apiName;

        Type(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    /** Upstream's {@code validSeccomp} and {@code allowedProfileType}: only the runtime's default and node-local profiles. */
    public boolean confines() {
        return type == Type.RUNTIME_DEFAULT || type == Type.LOCALHOST;
    }
}
