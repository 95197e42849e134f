package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.cli.Cli.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The view commands on the command line: ps, nodes, inspect and kubectl print the tables of
 * {@code io.flotilla.scenarios.views} on stdout; what the real tool would refuse, they refuse with
 * its words on stderr; a view of the other strategy's run says which command to use.
 */
class ViewCommandsTest {

    @TempDir
    static Path dir;

    static Path swarm;
    static Path quorum;

    @BeforeAll
    static void write() {
        swarm = Cli.write(dir, "swarm.yaml", """
                scenario: views
                seed: 3
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 2}}
                timeline:
                  - {at: 30s, crash: worker-1}
                """);
        quorum = Cli.write(dir, "quorum.yaml", """
                scenario: quorum
                until: 1m
                nodes:
                  - {name: manager, count: 3, role: manager}
                timeline:
                  - {at: 20s, crash: manager-2}
                  - {at: 20s, crash: manager-3}
                """);
    }

    @Test
    void psListsTheTasksAtTheMomentAsked() {
        Outcome ps = Cli.run("ps", swarm.toString(), "--at", "20s", "web");
        assertEquals(0, ps.code(), ps.err());
        List<String> lines = ps.out().lines().toList();
        assertEquals("ID             NAME      IMAGE        NODE       DESIRED STATE   CURRENT STATE            ERROR     PORTS",
                lines.get(0));
        assertEquals(3, lines.size(), ps.out());
        assertTrue(lines.get(1).contains("web.1     nginx:1.27   worker-1   Running         Running 17 seconds ago"), ps.out());
    }

    @Test
    void nodesMarksTheLeaderTheCliTalksTo() {
        Outcome nodes = Cli.run("nodes", swarm.toString());
        assertEquals(0, nodes.code(), nodes.err());
        assertTrue(nodes.out().lines().anyMatch(l -> l.matches("[0-9a-z]{25} \\* +manager-1 +Ready +Drain +Leader +29.0.0")),
                nodes.out());
        assertTrue(nodes.out().lines().anyMatch(l -> l.matches("[0-9a-z]{25} +worker-1 +Down +Active +29.0.0")), nodes.out());
    }

    @Test
    void inspectPrintsOneTaskAsJson() {
        Outcome inspect = Cli.run("inspect", swarm.toString(), "--task", "web.2", "--at", "10s");
        assertEquals(0, inspect.code(), inspect.err());
        assertEquals("running", inspect.json().get(0).get("Status").get("State").asText());
    }

    @Test
    void kubectlShowsAKubernetesRunOfTheSameFile() {
        Outcome pods = Cli.run("kubectl", swarm.toString(), "--strategy", "kubernetes", "get", "pods", "-o", "wide");
        assertEquals(0, pods.code(), pods.err());
        assertTrue(pods.out().startsWith("NAME   "), pods.out());
        assertTrue(pods.out().lines().findFirst().orElseThrow().endsWith("NOMINATED NODE   READINESS GATES"), pods.out());
        String pod = pods.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];
        Outcome describe = Cli.run("kubectl", swarm.toString(), "--strategy", "kubernetes", "describe", "pod", pod, "--at", "10s");
        assertEquals(0, describe.code(), describe.err());
        assertTrue(describe.out().startsWith("Name:             " + pod + "\n"), describe.out());
        Outcome nodes = Cli.run("kubectl", swarm.toString(), "--strategy", "kubernetes", "get", "nodes");
        assertEquals("NAME        STATUS                     ROLES           AGE   VERSION", nodes.out().lines().findFirst().orElseThrow());
    }

    /** The manager's error while the managers have no raft leader, exactly as the daemon words it. */
    @Test
    void withoutALeaderTheSwarmViewsFailAsDockerDoes() {
        for (String command : List.of("ps", "nodes")) {
            Outcome out = Cli.run(command, quorum.toString());
            assertEquals(1, out.code(), command);
            assertEquals("", out.out());
            assertTrue(out.err().startsWith("Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader."),
                    out.err());
        }
        assertEquals(0, Cli.run("nodes", quorum.toString(), "--at", "10s").code(), "it had one before the crashes");
    }

    static List<Arguments> refusals() {
        String file = "FILE";
        return List.of(
                Arguments.of(List.of("ps", file, "nope"), 2, "no such service: nope"),
                Arguments.of(List.of("ps", file, "--at", "soon"), 2, "flotilla: --at expects a duration such as 30s or 2m, got 'soon'"),
                Arguments.of(List.of("ps", file, "--at", "5m"), 2, "flotilla: --at 5m is after the end of the run (until: 1m)"),
                Arguments.of(List.of("inspect", file, "--task", "web.9"), 1, "Error: No such object: web.9"),
                Arguments.of(List.of("ps", file, "--strategy", "kubernetes"), 2,
                        "flotilla: ps shows a Swarm run, and this one runs the kubernetes strategy; use ./flotilla kubectl FILE get"
                                + " pods (or describe pod NAME), or add --strategy swarm"),
                Arguments.of(List.of("nodes", file, "--strategy", "kubernetes"), 2,
                        "flotilla: nodes shows a Swarm run, and this one runs the kubernetes strategy; use ./flotilla kubectl FILE get"
                                + " nodes, or add --strategy swarm"),
                Arguments.of(List.of("inspect", file, "--task", "web.1", "--strategy", "kubernetes"), 2,
                        "flotilla: inspect shows a Swarm run, and this one runs the kubernetes strategy; use ./flotilla kubectl FILE"
                                + " describe pod NAME, or add --strategy swarm"),
                Arguments.of(List.of("kubectl", file, "get", "pods"), 2,
                        "flotilla: kubectl shows a Kubernetes run, and this one runs the swarm strategy; add --strategy kubernetes"
                                + " (or use ./flotilla ps and ./flotilla nodes)"),
                Arguments.of(List.of("kubectl", file, "--strategy", "kubernetes", "describe", "pod", "web-x"), 1,
                        "Error from server (NotFound): pods \"web-x\" not found"),
                Arguments.of(List.of("kubectl", file, "--strategy", "kubernetes", "get", "services"), 2,
                        "error: the server doesn't have a resource type \"services\""),
                Arguments.of(List.of("kubectl", file, "--strategy", "kubernetes", "logs", "web"), 2,
                        "error: unknown command \"logs\" for \"kubectl\"; flotilla's kubectl knows get and describe"),
                Arguments.of(List.of("kubectl", file, "--strategy", "kubernetes", "get", "pods", "-o", "yaml"), 2,
                        "error: unable to match a printer suitable for the output format \"yaml\", allowed formats are: wide"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithTheToolsWords(List<String> args, int code, String message) {
        Outcome out = Cli.run(args.stream().map(a -> a.equals("FILE") ? swarm.toString() : a).toArray(String[]::new));
        assertEquals(code, out.code(), out.err());
        assertEquals(message, out.err().strip());
        assertEquals("", out.out());
    }

    @Test
    void kubectlSaysSoWhenThereAreNoPods() {
        Outcome out = Cli.run("kubectl", quorum.toString(), "--strategy", "kubernetes", "get", "pods");
        assertEquals(0, out.code(), out.err());
        assertEquals("", out.out());
        assertEquals("No resources found in default namespace.", out.err().strip());
    }
}
