package io.flotilla.scheduler.admission.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.ContainerSecurity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What each compose security key becomes in the container's securityContext. */
class ComposeSecurityContextTest {

    record Case(String name, ContainerSecurity compose, SecurityContext expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ContainerSecurity user(String user) {
        return new ContainerSecurity(Optional.of(user), false, List.of(), List.of(), false, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static ContainerSecurity opts(Boolean noNewPrivileges, String seccomp, String apparmor) {
        return new ContainerSecurity(Optional.empty(), false, List.of(), List.of(), false,
                Optional.ofNullable(noNewPrivileges), Optional.ofNullable(seccomp), Optional.ofNullable(apparmor));
    }

    static Stream<Case> cases() {
        SecurityContext none = SecurityContext.NONE;
        return Stream.of(
                new Case("nothing written: nothing set", ContainerSecurity.NONE, none),
                new Case("a numeric user runs as non-root", user("1000"), none.withRunAsUser(1000).withRunAsNonRoot(true)),
                new Case("user and group", user("1000:2000"),
                        none.withRunAsUser(1000).withRunAsGroup(2000).withRunAsNonRoot(true)),
                new Case("root is UID 0, with no promise", user("root"), none.withRunAsUser(0)),
                new Case("0:0", user("0:0"), none.withRunAsUser(0).withRunAsGroup(0)),
                new Case("read_only", new ContainerSecurity(Optional.empty(), true, List.of(), List.of(), false,
                        Optional.empty(), Optional.empty(), Optional.empty()), none.withReadOnlyRootFilesystem(true)),
                new Case("capabilities lose their CAP_ prefix", new ContainerSecurity(Optional.empty(), false,
                        List.of("CAP_NET_BIND_SERVICE"), List.of("ALL"), false, Optional.empty(), Optional.empty(),
                        Optional.empty()),
                        none.withCapabilities(new Capabilities(List.of("NET_BIND_SERVICE"), List.of("ALL")))),
                new Case("privileged", new ContainerSecurity(Optional.empty(), false, List.of(), List.of(), true,
                        Optional.empty(), Optional.empty(), Optional.empty()), none.withPrivileged(true)),
                new Case("no-new-privileges is allowPrivilegeEscalation=false", opts(true, null, null),
                        none.withAllowPrivilegeEscalation(false)),
                new Case("no-new-privileges:false allows escalation", opts(false, null, null),
                        none.withAllowPrivilegeEscalation(true)),
                new Case("seccomp=builtin is RuntimeDefault", opts(null, "builtin", null),
                        none.withSeccompProfile(SecurityProfile.RUNTIME_DEFAULT)),
                new Case("seccomp=unconfined", opts(null, "unconfined", null),
                        none.withSeccompProfile(SecurityProfile.UNCONFINED)),
                new Case("a seccomp file is Localhost", opts(null, "profiles/web.json", null),
                        none.withSeccompProfile(SecurityProfile.localhost("profiles/web.json"))),
                new Case("apparmor=docker-default is RuntimeDefault", opts(null, null, "docker-default"),
                        none.withAppArmorProfile(SecurityProfile.RUNTIME_DEFAULT)),
                new Case("apparmor=unconfined", opts(null, null, "unconfined"),
                        none.withAppArmorProfile(SecurityProfile.UNCONFINED)),
                new Case("another AppArmor profile is Localhost", opts(null, null, "web-profile"),
                        none.withAppArmorProfile(SecurityProfile.localhost("web-profile"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsComposeKeys(Case c) {
        assertEquals(Optional.empty(), ComposeSecurityContext.untranslatable(c.compose()));
        assertEquals(c.expected(), ComposeSecurityContext.of(c.compose()));
    }

    record Refusal(String name, ContainerSecurity compose, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("a user name", user("nginx"), "user: 'nginx' is a name; a pod's securityContext names users and "
                        + "groups by number (runAsUser, runAsGroup), so write user: \"1000\" or \"1000:1000\""),
                new Refusal("a group name", user("1000:www-data"), "user: 'www-data' is a name; a pod's securityContext names "
                        + "users and groups by number (runAsUser, runAsGroup), so write user: \"1000\" or \"1000:1000\""),
                new Refusal("privileged without escalation (upstream ValidateSecurityContext)",
                        new ContainerSecurity(Optional.empty(), false, List.of(), List.of(), true, Optional.of(true),
                                Optional.empty(), Optional.empty()),
                        "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWhatNoPodCanSay(Refusal r) {
        assertEquals(Optional.of(r.why()), ComposeSecurityContext.untranslatable(r.compose()));
    }
}
