package io.flotilla.scheduler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a service's containers are confined, in compose's words: {@code user}, {@code read_only},
 * {@code cap_add}/{@code cap_drop} (as the Docker CLI normalizes them: upper case, a {@code CAP_}
 * prefix, {@code ALL} alone when given, an added capability never also dropped, sorted), {@code
 * privileged} and the {@code security_opt} entries a Kubernetes pod has a field for ({@code
 * no-new-privileges}, {@code seccomp}, {@code apparmor}).
 *
 * <p>Swarm carries {@code user}, {@code read_only} and the capabilities in its ContainerSpec;
 * {@code docker stack deploy} drops {@code privileged} and {@code security_opt} for a swarm service
 * ({@code Ignoring unsupported options}), so {@link #forSwarm} leaves them out. The kubernetes
 * strategy writes all of them into the container's securityContext.
 *
 * @param seccomp {@code builtin} (Docker's default profile), {@code unconfined}, or a profile file
 * @param apparmor a profile name, or {@code unconfined}
 */
public record ContainerSecurity(
        Optional<String> user,
        boolean readOnly,
        List<String> capAdd,
        List<String> capDrop,
        boolean privileged,
        Optional<Boolean> noNewPrivileges,
        Optional<String> seccomp,
        Optional<String> apparmor) {

    /** What a service that writes none of the keys gets: the engine's defaults. */
    public static final ContainerSecurity NONE = new ContainerSecurity(Optional.empty(), false, List.of(), List.of(),
            false, Optional.empty(), Optional.empty(), Optional.empty());

    /** The special capability that stands for all of them in {@code cap_add} and {@code cap_drop}. */
    public static final String ALL = "ALL";

    public ContainerSecurity {
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
    }

    /** As a swarm service has it: {@code docker stack deploy} ignores {@code privileged} and {@code security_opt}. */
    public ContainerSecurity forSwarm() {
        return new ContainerSecurity(user, readOnly, capAdd, capDrop, false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** True when {@code cap_drop} drops every capability. */
    public boolean dropsAll() {
        return capDrop.contains(ALL);
    }

    /** Only what differs from {@link #NONE}: this text is part of a printed pod template, whose hash names ReplicaSets. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        user.ifPresent(u -> parts.add("user=" + u));
        if (readOnly) {
            parts.add("readOnly=true");
        }
        if (!capAdd.isEmpty()) {
            parts.add("capAdd=" + capAdd);
        }
        if (!capDrop.isEmpty()) {
            parts.add("capDrop=" + capDrop);
        }
        if (privileged) {
            parts.add("privileged=true");
        }
        noNewPrivileges.ifPresent(n -> parts.add("noNewPrivileges=" + n));
        seccomp.ifPresent(s -> parts.add("seccomp=" + s));
        apparmor.ifPresent(a -> parts.add("apparmor=" + a));
        return "ContainerSecurity" + parts;
    }
}
