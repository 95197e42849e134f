package io.flotilla.scenarios.parse;

import static io.flotilla.scenarios.parse.ProblemsTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flotilla.scenarios.parse.ProblemsTest.Case;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names of services and networks follow swarmkit's {@code validateAnnotations}
 * (manager/controlapi/common.go) and say what is wrong in its words; node names are hostnames of
 * at most 253 characters (Kubernetes' DNS subdomain); image names hold no control character.
 * A name that could break a line of output (a quote, a line end, {@code <script>}, a
 * right-to-left override) is refused where the format has rules for it.
 */
class NamesTest {

    static Stream<Case> cases() {
        return Stream.of(
                problem("a service name with a line end", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          "web\\n    10s  web.1  running": {}
                        """,
                        "4:3: service name 'web\n    10s  web.1  running' is invalid: name must be valid as a DNS name component "
                                + "(a DNS label: up to 63 letters, digits, '-' and '_', starting and ending with a letter or digit)"),
                problem("a service name of 64 characters", "scenario: t\nnodes: [{name: n1}]\nservices:\n  " + "a".repeat(64) + ": {}\n",
                        "4:3: service name '" + "a".repeat(64) + "' is invalid: name must be 63 characters or fewer "
                                + "(a DNS label: up to 63 letters, digits, '-' and '_', starting and ending with a letter or digit)"),
                problem("a service name of <script>", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          "<script>alert(1)</script>": {}
                        """,
                        "4:3: service name '<script>alert(1)</script>' is invalid: name must be valid as a DNS name component "
                                + "(a DNS label: up to 63 letters, digits, '-' and '_', starting and ending with a letter or digit)"),
                problem("a network name with a quote and a right-to-left override", """
                        scenario: t
                        nodes: [{name: n1}]
                        networks:
                          "fr\\u202Eont\\"": {}
                        """,
                        "4:3: network name 'fr\u202Eont\"' is invalid: name must be valid as a DNS name component "
                                + "(letters, digits, '-' and '_', starting and ending with a letter or digit)"),
                problem("a network name with a dot", """
                        scenario: t
                        nodes: [{name: n1}]
                        networks: {my.net: {}}
                        """,
                        "3:12: network name 'my.net' is invalid: name must be valid as a DNS name component "
                                + "(letters, digits, '-' and '_', starting and ending with a letter or digit)"),
                problem("a node name longer than a hostname", "scenario: t\nnodes: [{name: " + "n".repeat(254) + "}]\n",
                        "2:16: name: '" + "n".repeat(254) + "' is not a node name: must be no more than 253 characters"),
                problem("a node name that count makes too long", "scenario: t\nnodes: [{name: " + "n".repeat(250) + ", count: 100}]\n",
                        "2:16: name: '" + "n".repeat(250) + "-100' is not a node name: must be no more than 253 characters"),
                problem("an image name with an escape sequence", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web: {image: "nginx\\e[2J"}
                        """,
                        "4:16: image: 'nginx\u001b[2J' is not an image name such as nginx:1.27"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refuses(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertFalse(outcome.isValid(), "the file should be invalid");
        assertEquals(c.expected(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    @Test
    void swarmkitsRuleIsCheckedWithoutBacktracking() {
        // swarmkit's own pattern, ^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$, would take exponential time here.
        String name = "a".repeat(5_000) + "!";
        assertEquals(Optional.of("name must be valid as a DNS name component"), Names.swarm(name));
        assertEquals(Optional.of("meta: name must be provided"), Names.swarm(""));
        assertEquals(Optional.empty(), Names.swarm("web_1-a"));
        assertEquals(Optional.of("name must be valid as a DNS name component"), Names.swarm("-web"));
        assertEquals(Optional.of("name must be valid as a DNS name component"), Names.swarm("web_"));
    }

    @Test
    void aProblemQuotingALineEndStaysOnOneLine() {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", cases().findFirst().orElseThrow().yaml());
        assertEquals(1, outcome.problems().get(0).toString().lines().count());
        assertEquals("t.yaml:4:3: service name 'web\\n    10s  web.1  running' is invalid: name must be valid as a DNS name "
                + "component (a DNS label: up to 63 letters, digits, '-' and '_', starting and ending with a letter or digit)",
                outcome.problems().get(0).toString());
    }
}
