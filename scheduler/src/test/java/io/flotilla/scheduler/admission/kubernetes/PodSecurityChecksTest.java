package io.flotilla.scheduler.admission.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check against upstream's own cases ({@code staging/src/k8s.io/pod-security-admission/policy/
 * check_*_test.go}), named as upstream names them; the cases about annotations, init containers
 * and user namespaces are left out, as the simulator's pods have none.
 */
class PodSecurityChecksTest {

    record Case(String test, String name, PodSecurityCheck check, ReviewedPod pod, boolean allowed, String reason,
            String detail) {
        @Override
        public String toString() {
            return test + ": " + name;
        }
    }

    private static Case forbidden(String test, String name, PodSecurityCheck check, ReviewedPod pod, String reason,
            String detail) {
        return new Case(test, name, check, pod, false, reason, detail);
    }

    private static Case allowed(String test, String name, PodSecurityCheck check, ReviewedPod pod) {
        return new Case(test, name, check, pod, true, "", "");
    }

    static final SecurityContext SC = SecurityContext.NONE;

    private static PodContainer c(String name, SecurityContext sc) {
        return PodContainer.of(name, sc);
    }

    private static PodContainer c(String name) {
        return PodContainer.of(name, SC);
    }

    private static ReviewedPod pod(PodSecurityContext podContext, PodContainer... containers) {
        return new ReviewedPod("p", podContext, Arrays.asList(containers));
    }

    private static ReviewedPod pod(PodContainer... containers) {
        return pod(PodSecurityContext.NONE, containers);
    }

    private static PodSecurityContext podNonRoot(boolean value) {
        return new PodSecurityContext(Optional.empty(), Optional.of(value), Optional.empty(), Optional.empty());
    }

    private static PodSecurityContext podUser(long uid) {
        return new PodSecurityContext(Optional.of(uid), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static PodSecurityContext podSeccomp(SecurityProfile p) {
        return new PodSecurityContext(Optional.empty(), Optional.empty(), Optional.of(p), Optional.empty());
    }

    private static PodSecurityContext podAppArmor(SecurityProfile p) {
        return new PodSecurityContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(p));
    }

    private static Capabilities add(String... caps) {
        return new Capabilities(List.of(caps), List.of());
    }

    static Stream<Case> cases() {
        SecurityProfile unconfined = SecurityProfile.UNCONFINED;
        SecurityProfile runtimeDefault = SecurityProfile.RUNTIME_DEFAULT;
        return Stream.of(
                forbidden("TestPrivileged", "privileged", new PrivilegedCheck(),
                        pod(c("a"), c("b"), c("c", SC.withPrivileged(false)), c("d", SC.withPrivileged(true)),
                                c("e", SC.withPrivileged(true))),
                        "privileged", "containers \"d\", \"e\" must not set securityContext.privileged=true"),
                forbidden("TestAllowPrivilegeEscalation", "multiple containers", new AllowPrivilegeEscalationCheck(),
                        pod(c("a"), c("b"), c("c", SC.withAllowPrivilegeEscalation(true)),
                                c("d", SC.withAllowPrivilegeEscalation(false))),
                        "allowPrivilegeEscalation != false",
                        "containers \"a\", \"b\", \"c\" must set securityContext.allowPrivilegeEscalation=false"),
                forbidden("TestCapabilitiesBaseline", "multiple containers", new CapabilitiesBaselineCheck(),
                        pod(c("a", SC.withCapabilities(add("FOO", "BAR"))), c("b", SC.withCapabilities(add("BAR", "BAZ")))),
                        "non-default capabilities",
                        "containers \"a\", \"b\" must not include \"BAR\", \"BAZ\", \"FOO\" in securityContext.capabilities.add"),
                forbidden("TestCapabilitiesRestricted", "multiple containers", new CapabilitiesRestrictedCheck(),
                        pod(c("a", SC.withCapabilities(add("FOO", "BAR"))), c("b", SC.withCapabilities(add("BAR", "BAZ"))),
                                c("c", SC.withCapabilities(new Capabilities(List.of("NET_BIND_SERVICE", "CHOWN"),
                                        List.of("ALL", "FOO"))))),
                        "unrestricted capabilities",
                        "containers \"a\", \"b\" must set securityContext.capabilities.drop=[\"ALL\"]; "
                                + "containers \"a\", \"b\", \"c\" must not include \"BAR\", \"BAZ\", \"CHOWN\", \"FOO\" in "
                                + "securityContext.capabilities.add"),
                forbidden("TestRunAsNonRoot", "no explicit runAsNonRoot", new RunAsNonRootCheck(), pod(c("a")),
                        "runAsNonRoot != true", "pod or container \"a\" must set securityContext.runAsNonRoot=true"),
                forbidden("TestRunAsNonRoot", "pod runAsNonRoot=false", new RunAsNonRootCheck(),
                        pod(podNonRoot(false), c("a")),
                        "runAsNonRoot != true", "pod must not set securityContext.runAsNonRoot=false"),
                forbidden("TestRunAsNonRoot", "containers runAsNonRoot=false", new RunAsNonRootCheck(),
                        pod(podNonRoot(true), c("a"), c("b"), c("c", SC.withRunAsNonRoot(false)),
                                c("d", SC.withRunAsNonRoot(false)), c("e", SC.withRunAsNonRoot(true)),
                                c("f", SC.withRunAsNonRoot(true))),
                        "runAsNonRoot != true", "containers \"c\", \"d\" must not set securityContext.runAsNonRoot=false"),
                forbidden("TestRunAsNonRoot", "pod nil, container fallthrough", new RunAsNonRootCheck(),
                        pod(c("a"), c("b"), c("d", SC.withRunAsNonRoot(true)), c("e", SC.withRunAsNonRoot(true))),
                        "runAsNonRoot != true", "pod or containers \"a\", \"b\" must set securityContext.runAsNonRoot=true"),
                forbidden("TestRunAsUser", "pod runAsUser=0", new RunAsUserCheck(), pod(podUser(0), c("a")),
                        "runAsUser=0", "pod must not set runAsUser=0"),
                allowed("TestRunAsUser", "pod runAsUser=non-zero", new RunAsUserCheck(), pod(podUser(1000), c("a"))),
                allowed("TestRunAsUser", "pod runAsUser=nil", new RunAsUserCheck(), pod(c("a"))),
                forbidden("TestRunAsUser", "containers runAsUser=0", new RunAsUserCheck(),
                        pod(podUser(1000), c("a"), c("b"), c("c", SC.withRunAsUser(0)), c("d", SC.withRunAsUser(0)),
                                c("e", SC.withRunAsUser(1)), c("f", SC.withRunAsUser(1))),
                        "runAsUser=0", "containers \"c\", \"d\" must not set runAsUser=0"),
                allowed("TestRunAsUser", "containers runAsUser=non-zero", new RunAsUserCheck(),
                        pod(c("c", SC.withRunAsUser(1)), c("d", SC.withRunAsUser(2)), c("e", SC.withRunAsUser(3)),
                                c("f", SC.withRunAsUser(4)))),
                forbidden("TestSeccompProfileBaseline_1_19", "pod seccomp invalid", new SeccompProfileBaselineCheck(),
                        pod(podSeccomp(unconfined), c("a")),
                        "seccompProfile", "pod must not set securityContext.seccompProfile.type to \"Unconfined\""),
                forbidden("TestSeccompProfileBaseline_1_19", "containers seccomp invalid", new SeccompProfileBaselineCheck(),
                        pod(podSeccomp(runtimeDefault), c("a"), c("b"), c("c", SC.withSeccompProfile(unconfined)),
                                c("d", SC.withSeccompProfile(unconfined)), c("e", SC.withSeccompProfile(runtimeDefault)),
                                c("f", SC.withSeccompProfile(runtimeDefault))),
                        "seccompProfile", "containers \"c\", \"d\" must not set securityContext.seccompProfile.type to \"Unconfined\""),
                forbidden("TestSeccompProfileBaseline_1_19", "pod and containers seccomp invalid", new SeccompProfileBaselineCheck(),
                        pod(podSeccomp(unconfined), c("a"), c("b"), c("c", SC.withSeccompProfile(unconfined)),
                                c("d", SC.withSeccompProfile(unconfined)), c("e", SC.withSeccompProfile(runtimeDefault)),
                                c("f", SC.withSeccompProfile(runtimeDefault))),
                        "seccompProfile",
                        "pod and containers \"c\", \"d\" must not set securityContext.seccompProfile.type to \"Unconfined\""),
                forbidden("TestSeccompProfileRestricted", "no explicit seccomp", new SeccompProfileRestrictedCheck(), pod(c("a")),
                        "seccompProfile",
                        "pod or container \"a\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\""),
                forbidden("TestSeccompProfileRestricted", "pod seccomp invalid", new SeccompProfileRestrictedCheck(),
                        pod(podSeccomp(unconfined), c("a")),
                        "seccompProfile", "pod must not set securityContext.seccompProfile.type to \"Unconfined\""),
                forbidden("TestSeccompProfileRestricted", "containers seccomp invalid", new SeccompProfileRestrictedCheck(),
                        pod(podSeccomp(runtimeDefault), c("a"), c("b"), c("c", SC.withSeccompProfile(unconfined)),
                                c("d", SC.withSeccompProfile(unconfined)), c("e", SC.withSeccompProfile(runtimeDefault)),
                                c("f", SC.withSeccompProfile(runtimeDefault))),
                        "seccompProfile", "containers \"c\", \"d\" must not set securityContext.seccompProfile.type to \"Unconfined\""),
                forbidden("TestSeccompProfileRestricted", "pod nil, container fallthrough", new SeccompProfileRestrictedCheck(),
                        pod(c("a"), c("b"), c("d", SC.withSeccompProfile(runtimeDefault)), c("e", SC.withSeccompProfile(runtimeDefault))),
                        "seccompProfile",
                        "pod or containers \"a\", \"b\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\""),
                forbidden("TestHostPort", "one container, one host port", new HostPortsCheck(),
                        pod(new PodContainer("a", SC, List.of(0)), new PodContainer("b", SC, List.of(0, 20))),
                        "hostPort", "container \"b\" uses hostPort 20"),
                forbidden("TestHostPort", "multiple containers, multiple host port", new HostPortsCheck(),
                        pod(new PodContainer("a", SC, List.of(0)), new PodContainer("b", SC, List.of(0, 10, 20)),
                                new PodContainer("c", SC, List.of(0, 10, 30))),
                        "hostPort", "containers \"b\", \"c\" use hostPorts 10, 20, 30"),
                allowed("TestCheckAppArmor_Allowed", "pod with runtime default", new AppArmorProfileCheck(),
                        pod(podAppArmor(runtimeDefault))),
                allowed("TestCheckAppArmor_Allowed", "container with localhost profile", new AppArmorProfileCheck(),
                        pod(c("foo", SC.withAppArmorProfile(runtimeDefault)))),
                forbidden("TestCheckAppArmor_Forbidden", "unconfined pod", new AppArmorProfileCheck(),
                        pod(podAppArmor(unconfined)),
                        "forbidden AppArmor profile", "pod must not set AppArmor profile type to \"Unconfined\""),
                forbidden("TestCheckAppArmor_Forbidden", "unconfined container", new AppArmorProfileCheck(),
                        pod(podAppArmor(runtimeDefault), c("foo", SC.withAppArmorProfile(unconfined))),
                        "forbidden AppArmor profile", "container \"foo\" must not set AppArmor profile type to \"Unconfined\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksAsUpstream(Case c) {
        CheckResult r = c.check().check(c.pod());
        assertEquals(c.allowed(), r.allowed(), "allowed");
        assertEquals(c.reason(), r.forbiddenReason(), "reason");
        assertEquals(c.detail(), r.forbiddenDetail(), "detail");
    }
}
