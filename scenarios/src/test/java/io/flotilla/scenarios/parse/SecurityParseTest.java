package io.flotilla.scenarios.parse;

import static io.flotilla.scenarios.parse.ProblemsTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ProblemsTest.Case;
import io.flotilla.scheduler.admission.kubernetes.PodSecurityLevel;
import io.flotilla.scheduler.model.ContainerSecurity;
import io.flotilla.scheduler.model.FileReference;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security keys, secrets and configs as written: what they bind to, and each problem with the
 * exact {@code line:column: message}, in the engine's, docker/cli's and swarmkit's words.
 */
class SecurityParseTest {

    private static Scenario parse(String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", yaml);
        assertEquals(List.of(), outcome.problems());
        return outcome.scenario().orElseThrow();
    }

    @Test
    void capabilitiesAreNormalizedAsTheDockerCliDoes() {
        Scenario s = parse("""
                scenario: t
                nodes: [{name: n1, role: manager}]
                services:
                  web:
                    user: 1000
                    read_only: true
                    cap_add: [net_bind_service, CAP_CHOWN, chown, SYS_ADMIN]
                    cap_drop: [ALL, sys_admin]
                    privileged: false
                    security_opt: [no-new-privileges, "seccomp=unconfined", "apparmor:docker-default"]
                """);
        assertEquals(new ContainerSecurity(Optional.of("1000"), true, List.of("CAP_CHOWN", "CAP_NET_BIND_SERVICE", "CAP_SYS_ADMIN"),
                List.of("ALL"), false, Optional.of(true), Optional.of("unconfined"), Optional.of("docker-default")),
                s.services().get(0).task().security());
    }

    @Test
    void grantsTakeDockerClisDefaultsAndAreSortedByName() {
        Scenario s = parse("""
                scenario: t
                nodes: [{name: n1, role: manager}]
                secrets:
                  tls: {external: true, name: prod_tls}
                  db: {file: ./db.txt}
                configs:
                  nginx: {file: ./nginx.conf}
                services:
                  web:
                    secrets: [tls, {source: db, target: password, uid: "33", gid: "33", mode: 0440}]
                    configs: [{source: nginx, target: /etc/nginx/nginx.conf}]
                """);
        List<FileReference> files = s.services().get(0).task().files();
        assertEquals(List.of("db", "prod_tls", "nginx"), files.stream().map(FileReference::name).toList());
        FileReference db = files.get(0);
        assertEquals(new FileReference(FileReference.Kind.SECRET, "db", db.id(), "/run/secrets/password", "33", "33", 0440), db);
        assertEquals("/run/secrets/tls", files.get(1).target());
        assertEquals("0", files.get(1).uid());
        assertEquals(0444, files.get(1).mode());
        assertEquals("/etc/nginx/nginx.conf", files.get(2).target());
        assertEquals(SecretsBinder.id(FileReference.Kind.SECRET, "db", "file ./db.txt"), db.id());
        assertFalse(db.id().equals(SecretsBinder.id(FileReference.Kind.SECRET, "db", "file ./db.v2.txt")),
                "a new file is a new version");
    }

    @Test
    void podSecurityIsTheNamespacesLevel() {
        assertEquals(PodSecurityLevel.RESTRICTED,
                parse("scenario: t\nkubernetes: {pod_security: restricted}\nnodes: [{name: n1, role: manager}]\n")
                        .kubernetes().podSecurity());
        assertEquals(PodSecurityLevel.PRIVILEGED, parse("scenario: t\nnodes: [{name: n1, role: manager}]\n").kubernetes().podSecurity());
    }

    static Stream<Case> problems() {
        return Stream.of(
                problem("capabilities and security options in the engine's words", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          a: {cap_add: [NET_ADMN], cap_drop: [cap_foo]}
                          b: {security_opt: [seccomp, "foo=bar", "no-new-privileges:maybe", "label=type:svirt_apache_t"]}
                          c: {user: "1000:1000:1000", read_only: "yes", privileged: 1}
                        """,
                        "4:17: unknown capability: \"CAP_NET_ADMN\"",
                        "4:39: unknown capability: \"CAP_FOO\"",
                        "5:22: Invalid --security-opt: \"seccomp\"",
                        "5:31: invalid --security-opt 2: \"foo=bar\"",
                        "5:42: invalid --security-opt 2: \"no-new-privileges:maybe\"",
                        "5:69: security_opt: 'label=type:svirt_apache_t' (SELinux labels) is not simulated yet",
                        "6:13: user: expected user or user:group, such as \"1000\" or \"1000:1000\", got \"1000:1000:1000\"",
                        "6:42: read_only: expected true or false, got \"yes\"",
                        "6:61: privileged: expected true or false, got \"1\""),
                problem("declarations", """
                        scenario: t
                        nodes: [{name: n1}]
                        secrets:
                          a: {}
                          b: {file: ./b, external: true}
                          "-bad": {file: ./c}
                          d: {file: ./d, labels: {x: y}}
                        configs:
                          e: {external: true, name: "x y"}
                        """,
                        "4:3: secret 'a': give file: PATH (its content is never read) or external: true",
                        "5:18: secret 'b': file and external: true exclude each other; a file is created by the deploy, an external secret exists already",
                        "6:3: secret '-bad': invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]",
                        "7:18: unknown key 'labels' in secret 'd'",
                        "9:29: config 'x y': invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]"),
                problem("grants", """
                        scenario: t
                        nodes: [{name: n1}]
                        secrets:
                          db_password: {file: ./db}
                          db_password_v2: {file: ./db2}
                        services:
                          a: {secrets: [db_pasword, {source: db_password, target: db}, {source: db_password_v2, target: db}]}
                          b: {configs: [app], secrets: [{target: x}, {source: db_password, mode: 999}]}
                        """,
                        "7:17: undefined secret \"db_pasword\"; did you mean 'db_password'?",
                        "7:64: secret references 'db_password' and 'db_password_v2' have a conflicting target: '/run/secrets/db'",
                        "8:17: undefined config \"app\"; declare it under the top-level 'configs'",
                        "8:33: missing key 'source' in secret reference",
                        "8:74: mode: expected permission bits such as 0440, got \"999\""),
                problem("a pod security level", """
                        scenario: t
                        kubernetes: {pod_security: strict}
                        nodes: [{name: n1}]
                        """,
                        "2:28: pod_security: expected one of privileged, baseline, restricted, got \"strict\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reports(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertFalse(outcome.isValid(), "the file should be invalid");
        assertEquals(c.expected(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    /** docker/cli's stack deploy ignores both for a swarm service, with its UnsupportedProperties warning. */
    @Test
    void aSwarmScenarioIsWarnedThatPrivilegedAndSecurityOptAreIgnored() {
        String yaml = """
                scenario: t
                strategy: %s
                nodes: [{name: n1, role: manager}]
                services:
                  a: {privileged: true, security_opt: [no-new-privileges]}
                """;
        ParseOutcome swarm = new ScenarioParser().parse("t.yaml", yaml.formatted("swarm"));
        assertEquals(List.of(
                "5:7: warning: privileged: Ignoring unsupported options: privileged (docker stack deploy does not pass it to a swarm service; only the kubernetes strategy runs it)",
                "5:25: warning: security_opt: Ignoring unsupported options: security_opt (docker stack deploy does not pass it to a swarm service; only the kubernetes strategy runs it)"),
                swarm.warnings().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertEquals(List.of(), new ScenarioParser().parse("t.yaml", yaml.formatted("kubernetes")).warnings());
    }

    /** What no pod's securityContext can say is refused only when the file runs under the kubernetes strategy. */
    @Test
    void whatAPodCannotSayIsAKubernetesProblem() {
        Scenario s = parse("""
                scenario: t
                nodes: [{name: n1, role: manager}]
                services:
                  a: {user: nginx}
                  b: {privileged: true, security_opt: ["no-new-privileges:true"]}
                """);
        assertEquals(List.of(
                "t.yaml:4:13: the kubernetes strategy cannot run this: user: 'nginx' is a name; a pod's securityContext names "
                        + "users and groups by number (runAsUser, runAsGroup), so write user: \"1000\" or \"1000:1000\"",
                "t.yaml:5:7: the kubernetes strategy cannot run this: cannot set `allowPrivilegeEscalation` to false and "
                        + "`privileged` to true"), s.kubernetesProblems());
        assertTrue(s.unrunnableUnder(io.flotilla.scenarios.model.Strategy.SWARM).isEmpty());
    }
}
