package io.flotilla.scheduler.admission.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.ContainerSecurity;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole refusals, levels and check order together: the messages are the ones kube-apiserver
 * returns (the restricted refusal of a container without a securityContext is the one of the
 * Pod Security Standards documentation and of many bug reports, such as redhat-developer/odo#6847;
 * the privileged one of rancher/k3k#294).
 */
class PodSecurityAdmissionTest {

    record Case(String name, PodSecurityLevel level, ContainerSecurity security, List<PortConfig> ports,
            Optional<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final ContainerSecurity NONE = ContainerSecurity.NONE;

    static ContainerSecurity security(String user, boolean readOnly, List<String> capAdd, List<String> capDrop,
            boolean privileged, Boolean noNewPrivileges, String seccomp) {
        return new ContainerSecurity(Optional.ofNullable(user), readOnly, capAdd, capDrop, privileged,
                Optional.ofNullable(noNewPrivileges), Optional.ofNullable(seccomp), Optional.empty());
    }

    static final ContainerSecurity HARDENED = security("1000", true, List.of(), List.of("ALL"), false, true, "builtin");

    static final String RESTRICTED_PLAIN = "pods \"web-1\" is forbidden: violates PodSecurity \"restricted:latest\": "
            + "allowPrivilegeEscalation != false (container \"web\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (container \"web\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "runAsNonRoot != true (pod or container \"web\" must set securityContext.runAsNonRoot=true), "
            + "seccompProfile (pod or container \"web\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")";

    static Stream<Case> cases() {
        PortConfig hostPort = new PortConfig("tcp", 80, 8080, PublishMode.HOST);
        PortConfig ingress = new PortConfig("tcp", 80, 8081, PublishMode.INGRESS);
        return Stream.of(
                new Case("privileged admits anything", PodSecurityLevel.PRIVILEGED,
                        security("0", false, List.of("ALL"), List.of(), true, null, "unconfined"), List.of(hostPort),
                        Optional.empty()),
                new Case("restricted refuses a container without a securityContext", PodSecurityLevel.RESTRICTED, NONE,
                        List.of(), Optional.of(RESTRICTED_PLAIN)),
                new Case("restricted names privileged first, as the baseline checks run first", PodSecurityLevel.RESTRICTED,
                        security(null, false, List.of(), List.of(), true, null, null), List.of(),
                        Optional.of("pods \"web-1\" is forbidden: violates PodSecurity \"restricted:latest\": "
                                + "privileged (container \"web\" must not set securityContext.privileged=true), "
                                + RESTRICTED_PLAIN.substring(RESTRICTED_PLAIN.indexOf("allowPrivilegeEscalation")))),
                new Case("restricted admits a hardened container", PodSecurityLevel.RESTRICTED, HARDENED, List.of(ingress),
                        Optional.empty()),
                new Case("restricted: root is runAsUser=0 and no runAsNonRoot", PodSecurityLevel.RESTRICTED,
                        security("root", true, List.of(), List.of("ALL"), false, true, "builtin"), List.of(),
                        Optional.of("pods \"web-1\" is forbidden: violates PodSecurity \"restricted:latest\": "
                                + "runAsNonRoot != true (pod or container \"web\" must set securityContext.runAsNonRoot=true), "
                                + "runAsUser=0 (container \"web\" must not set runAsUser=0)")),
                new Case("restricted: only NET_BIND_SERVICE may be added", PodSecurityLevel.RESTRICTED,
                        security("1000", false, List.of("CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE"), List.of("ALL"), false, true,
                                "builtin"), List.of(),
                        Optional.of("pods \"web-1\" is forbidden: violates PodSecurity \"restricted:latest\": "
                                + "unrestricted capabilities (container \"web\" must not include \"NET_ADMIN\" in "
                                + "securityContext.capabilities.add)")),
                new Case("restricted: a host port is a baseline violation", PodSecurityLevel.RESTRICTED, HARDENED,
                        List.of(hostPort),
                        Optional.of("pods \"web-1\" is forbidden: violates PodSecurity \"restricted:latest\": "
                                + "hostPort (container \"web\" uses hostPort 8080)")),
                new Case("baseline admits a plain root container", PodSecurityLevel.BASELINE, NONE, List.of(), Optional.empty()),
                new Case("baseline refuses privileged, a host port and a non-default capability", PodSecurityLevel.BASELINE,
                        security(null, false, List.of("CAP_SYS_ADMIN"), List.of(), true, null, null), List.of(hostPort),
                        Optional.of("pods \"web-1\" is forbidden: violates PodSecurity \"baseline:latest\": "
                                + "hostPort (container \"web\" uses hostPort 8080), "
                                + "privileged (container \"web\" must not set securityContext.privileged=true), "
                                + "non-default capabilities (container \"web\" must not include \"SYS_ADMIN\" in "
                                + "securityContext.capabilities.add)")),
                new Case("baseline refuses seccomp unconfined", PodSecurityLevel.BASELINE,
                        security(null, false, List.of(), List.of(), false, null, "unconfined"), List.of(),
                        Optional.of("pods \"web-1\" is forbidden: violates PodSecurity \"baseline:latest\": "
                                + "seccompProfile (container \"web\" must not set securityContext.seccompProfile.type to "
                                + "\"Unconfined\")")),
                new Case("baseline admits a default capability", PodSecurityLevel.BASELINE,
                        security(null, false, List.of("CAP_CHOWN"), List.of(), false, null, null), List.of(), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithUpstreamWords(Case c) {
        TaskSpec task = new TaskSpec("nginx:1.27", Resources.NONE, Resources.NONE, Placement.NONE, c.ports(), List.of(),
                RestartPolicy.DEFAULT, Optional.empty(), TaskSpec.DEFAULT_STOP_GRACE_NANOS, c.security(), List.of());
        assertEquals(c.expected(),
                PodSecurityAdmission.forbidden(c.level(), ComposeSecurityContext.pod("web-1", "web", task)));
    }
}
