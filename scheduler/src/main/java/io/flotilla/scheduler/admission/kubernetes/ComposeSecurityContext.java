package io.flotilla.scheduler.admission.kubernetes;

import io.flotilla.scheduler.model.ContainerSecurity;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a service's compose security keys become its container's securityContext under the
 * kubernetes strategy:
 *
 * <ul>
 *   <li>{@code user: "1000"} is {@code runAsUser: 1000} and {@code runAsNonRoot: true} (a numeric,
 *       non-zero user promises a container that is not root; the kubelet would hold it to it);
 *       {@code "1000:1000"} adds {@code runAsGroup}; {@code "0"} or {@code root} is {@code
 *       runAsUser: 0} alone; a user name other than root has no equivalent (a pod names users by
 *       number) and is refused when the file is loaded under this strategy;
 *   <li>{@code read_only: true} is {@code readOnlyRootFilesystem: true};
 *   <li>{@code cap_add}/{@code cap_drop} are {@code capabilities.add}/{@code drop}, without the
 *       {@code CAP_} prefix;
 *   <li>{@code privileged: true} is {@code privileged: true};
 *   <li>{@code security_opt}: {@code no-new-privileges:true} is {@code allowPrivilegeEscalation:
 *       false} (the very flag it sets on the process), {@code seccomp=builtin} (Docker's own default
 *       profile) is {@code seccompProfile: RuntimeDefault}, {@code seccomp=unconfined} is {@code
 *       Unconfined}, a profile file is {@code Localhost} with that file; {@code apparmor=unconfined}
 *       is {@code appArmorProfile: Unconfined}, {@code apparmor=docker-default} {@code
 *       RuntimeDefault}, any other profile {@code Localhost};
 *   <li>a host-mode published port is a {@code hostPort}.
 * </ul>
 *
 * What the keys leave out stays unset, as a pod written without it: Docker runs every container
 * under its default seccomp profile, but a pod without {@code seccompProfile} is not, and the
 * restricted level says so.
 */
public final class ComposeSecurityContext {

    /** Refused by the API's validation of a securityContext (upstream {@code ValidateSecurityContext}). */
    public static final String PRIVILEGED_WITHOUT_ESCALATION =
            "cannot set `allowPrivilegeEscalation` to false and `privileged` to true";

    private static final Pattern NUMBER = Pattern.compile("\\d{1,10}");

    private ComposeSecurityContext() {}

    /** The container's securityContext; {@link #untranslatable} must have found nothing. */
    public static SecurityContext of(ContainerSecurity s) {
        SecurityContext sc = SecurityContext.NONE;
        if (s.user().isPresent()) {
            String[] parts = s.user().get().split(":", 2);
            long uid = id(parts[0]).orElseThrow(() -> new IllegalArgumentException("user: " + s.user().get()));
            sc = sc.withRunAsUser(uid);
            if (parts.length == 2) {
                sc = sc.withRunAsGroup(id(parts[1]).orElseThrow(() -> new IllegalArgumentException("user: " + s.user().get())));
            }
            if (uid > 0) {
                sc = sc.withRunAsNonRoot(true);
            }
        }
        if (s.readOnly()) {
            sc = sc.withReadOnlyRootFilesystem(true);
        }
        if (s.privileged()) {
            sc = sc.withPrivileged(true);
        }
        if (s.noNewPrivileges().isPresent()) {
            sc = sc.withAllowPrivilegeEscalation(!s.noNewPrivileges().get());
        }
        if (!s.capAdd().isEmpty() || !s.capDrop().isEmpty()) {
            sc = sc.withCapabilities(new Capabilities(unprefixed(s.capAdd()), unprefixed(s.capDrop())));
        }
        if (s.seccomp().isPresent()) {
            String profile = s.seccomp().get();
            sc = sc.withSeccompProfile(profile.equals("builtin") ? SecurityProfile.RUNTIME_DEFAULT
                    : profile.equals("unconfined") ? SecurityProfile.UNCONFINED : SecurityProfile.localhost(profile));
        }
        if (s.apparmor().isPresent()) {
            String profile = s.apparmor().get();
            sc = sc.withAppArmorProfile(profile.equals("docker-default") ? SecurityProfile.RUNTIME_DEFAULT
                    : profile.equals("unconfined") ? SecurityProfile.UNCONFINED : SecurityProfile.localhost(profile));
        }
        return sc;
    }

    /** Why the keys have no securityContext a Kubernetes API server accepts, if they have none. */
    public static Optional<String> untranslatable(ContainerSecurity s) {
        if (s.user().isPresent()) {
            String user = s.user().get();
            String[] parts = user.split(":", 2);
            for (String part : parts) {
                if (id(part).isEmpty()) {
                    return Optional.of("user: '" + part + "' is a name; a pod's securityContext names users and groups by "
                            + "number (runAsUser, runAsGroup), so write user: \"1000\" or \"1000:1000\"");
                }
            }
        }
        if (s.privileged() && s.noNewPrivileges().orElse(false)) {
            return Optional.of(PRIVILEGED_WITHOUT_ESCALATION);
        }
        return Optional.empty();
    }

    /**
     * The pod Pod Security admission reviews for a task: one container named {@code container}
     * with the task's securityContext and host ports.
     */
    public static ReviewedPod pod(String podName, String container, TaskSpec task) {
        List<Integer> hostPorts = new ArrayList<>();
        for (PortConfig p : task.ports()) {
            if (p.mode() == PublishMode.HOST && p.published() > 0) {
                hostPorts.add(p.published());
            }
        }
        return ReviewedPod.of(podName, new PodContainer(container, of(task.security()), hostPorts));
    }

    /** A UID or GID: a number, or {@code root}, which is 0 everywhere. */
    private static Optional<Long> id(String text) {
        if (text.equals("root")) {
            return Optional.of(0L);
        }
        return NUMBER.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private static List<String> unprefixed(List<String> caps) {
        return caps.stream().map(c -> c.startsWith("CAP_") ? c.substring(4) : c).toList();
    }
}
