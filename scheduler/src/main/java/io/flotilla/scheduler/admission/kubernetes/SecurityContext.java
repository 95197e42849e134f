package io.flotilla.scheduler.admission.kubernetes;

import java.util.Optional;

/**
 * A container's {@code securityContext}, the fields the Pod Security checks read, each empty when
 * unset; {@link #NONE} is a container without one.
 */
public record SecurityContext(
        Optional<Long> runAsUser,
        Optional<Long> runAsGroup,
        Optional<Boolean> runAsNonRoot,
        Optional<Boolean> readOnlyRootFilesystem,
        Optional<Boolean> privileged,
        Optional<Boolean> allowPrivilegeEscalation,
        Optional<Capabilities> capabilities,
        Optional<SecurityProfile> seccompProfile,
        Optional<SecurityProfile> appArmorProfile) {

    public static final SecurityContext NONE = new SecurityContext(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public SecurityContext withRunAsUser(long uid) {
        return new SecurityContext(Optional.of(uid), runAsGroup, runAsNonRoot, readOnlyRootFilesystem, privileged,
                allowPrivilegeEscalation, capabilities, seccompProfile, appArmorProfile);
    }

    public SecurityContext withRunAsGroup(long gid) {
        return new SecurityContext(runAsUser, Optional.of(gid), runAsNonRoot, readOnlyRootFilesystem, privileged,
                allowPrivilegeEscalation, capabilities, seccompProfile, appArmorProfile);
    }

    public SecurityContext withRunAsNonRoot(boolean value) {
        return new SecurityContext(runAsUser, runAsGroup, Optional.of(value), readOnlyRootFilesystem, privileged,
                allowPrivilegeEscalation, capabilities, seccompProfile, appArmorProfile);
    }

    public SecurityContext withReadOnlyRootFilesystem(boolean value) {
        return new SecurityContext(runAsUser, runAsGroup, runAsNonRoot, Optional.of(value), privileged,
                allowPrivilegeEscalation, capabilities, seccompProfile, appArmorProfile);
    }

    public SecurityContext withPrivileged(boolean value) {
        return new SecurityContext(runAsUser, runAsGroup, runAsNonRoot, readOnlyRootFilesystem, Optional.of(value),
                allowPrivilegeEscalation, capabilities, seccompProfile, appArmorProfile);
    }

    public SecurityContext withAllowPrivilegeEscalation(boolean value) {
        return new SecurityContext(runAsUser, runAsGroup, runAsNonRoot, readOnlyRootFilesystem, privileged,
                Optional.of(value), capabilities, seccompProfile, appArmorProfile);
    }

    public SecurityContext withCapabilities(Capabilities value) {
        return new SecurityContext(runAsUser, runAsGroup, runAsNonRoot, readOnlyRootFilesystem, privileged,
                allowPrivilegeEscalation, Optional.of(value), seccompProfile, appArmorProfile);
    }

    public SecurityContext withSeccompProfile(SecurityProfile value) {
        return new SecurityContext(runAsUser, runAsGroup, runAsNonRoot, readOnlyRootFilesystem, privileged,
                allowPrivilegeEscalation, capabilities, Optional.of(value), appArmorProfile);
    }

    public SecurityContext withAppArmorProfile(SecurityProfile value) {
        return new SecurityContext(runAsUser, runAsGroup, runAsNonRoot, readOnlyRootFilesystem, privileged,
                allowPrivilegeEscalation, capabilities, seccompProfile, Optional.of(value));
    }
}
