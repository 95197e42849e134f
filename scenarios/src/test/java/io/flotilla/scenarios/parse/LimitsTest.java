package io.flotilla.scenarios.parse;

import static io.flotilla.scenarios.parse.ProblemsTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.parse.ProblemsTest.Case;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each limit of {@link Limits} refuses a file at the place that crosses it, with the exact
 * {@code line:column: message}, and quickly; every shipped example and benchmark is inside them.
 * The cases named after a failure were found by the hostile-input campaigns (their inputs hung
 * the parser before the fix).
 */
class LimitsTest {

    /** {@code levels} anchored mappings, each merging {@code width} copies of the one before. */
    static String mergeBomb(int levels, int width) {
        StringBuilder out = new StringBuilder("x-m" + levels + ": &m" + levels + " {a: 1}\n");
        for (int i = levels - 1; i >= 0; i--) {
            out.append("x-m").append(i).append(": &m").append(i).append(" {<<: [")
                    .append(String.join(", ", Collections.nCopies(width, "*m" + (i + 1)))).append("]}\n");
        }
        return out + "scenario: t\nnodes:\n  - {<<: *m0, name: n1}\n";
    }

    /** Lists of lists of aliases: the billion laughs. */
    static String aliasBomb(int levels, int width) {
        StringBuilder out = new StringBuilder("x-l" + levels + ": &l" + levels + " [lol]\n");
        for (int i = levels - 1; i >= 0; i--) {
            out.append("x-l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", Collections.nCopies(width, "*l" + (i + 1)))).append("]\n");
        }
        return out + "scenario: t\nnodes: [{name: n1, labels: *l0}]\n";
    }

    static Stream<Case> cases() {
        return Stream.of(
                problem("regression: a merge-key bomb (8 levels of 8 merges) took minutes to flatten", mergeBomb(8, 8),
                        "8:16: this value stands for more than 1000000 values once its aliases are followed (an alias bomb?)"),
                problem("an alias bomb of lists (9 levels of 9)", aliasBomb(9, 9),
                        "7:7: this value stands for more than 1000000 values once its aliases are followed (an alias bomb?)"),
                problem("more than 200 aliases of collections",
                        "x-a: &a [1]\nx-b: [" + String.join(", ", Collections.nCopies(201, "*a")) + "]\nscenario: t\nnodes: [{name: n1}]\n",
                        "2:807: invalid YAML: more than 200 aliases of lists and mappings"),
                problem("nesting deeper than 50 levels", "scenario: t\nnodes: [{name: n1}]\nx-deep: " + "[".repeat(60) + "]".repeat(60) + "\n",
                        "3:58: invalid YAML: collections nest deeper than 50 levels (a scenario needs fewer than ten)"),
                problem("regression: thousands of nested lists are refused, not a stack overflow",
                        "scenario: t\nnodes: [{name: n1}]\nx-deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n",
                        "3:58: invalid YAML: collections nest deeper than 50 levels (a scenario needs fewer than ten)"),
                problem("more than 100000 nodes", """
                        scenario: t
                        nodes:
                          - {name: a, count: 100000}
                          - {name: b}
                        """,
                        "4:5: nodes: 100001 nodes are more than the 100000 a scenario may have"),
                problem("more than a million tasks at the start", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          a: {deploy: {replicas: 1000000}}
                          b: {deploy: {replicas: 1}}
                        """,
                        "5:3: services: 1000001 tasks by service 'b' are more than the 1000000 a scenario may start"),
                problem("a billion replicas are refused by the service's own limit", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          a: {deploy: {replicas: 1000000000}}
                        """,
                        "4:26: replicas: must be at most 1000000, got 1000000000"),
                problem("until longer than 7 days", "scenario: t\nuntil: 8d\nnodes: [{name: n1}]\n".replace("8d", "192h"),
                        "2:8: until: a run of 192h is longer than the 168h a scenario may run"),
                problem("regression: a timeline item at the largest duration made the default until wrap around", """
                        scenario: t
                        nodes: [{name: n1}]
                        timeline:
                          - {at: 2562047h, crash: n1}
                        """,
                        "4:10: until: a run of 2562047h2m is longer than the 168h a scenario may run (until is the last timeline item + 2m)"),
                problem("100000 requests a second for an hour", """
                        scenario: t
                        until: 1h
                        nodes: [{name: n1}]
                        services: {web: {networks: [front]}}
                        networks: {front: {}}
                        traffic:
                          - {name: c, from: n1, network: front, to: web, rate: 100000/s}
                        """,
                        "7:5: traffic: the clients send 360000000 requests up to client 'c', more than the 10000000 a scenario may send (rate x time from start to stop or until)"),
                problem("a billion requests a second is refused by the rate's own limit", """
                        scenario: t
                        until: 1h
                        nodes: [{name: n1}]
                        services: {web: {networks: [front]}}
                        networks: {front: {}}
                        traffic:
                          - {name: c, from: n1, network: front, to: web, rate: 1000000000/s}
                        """,
                        "7:56: rate: must be at most 100000/s (each request is simulated), got 1000000000/s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refuses(Case c) {
        ParseOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new ScenarioParser().parse("t.yaml", c.yaml()));
        assertFalse(outcome.isValid(), "the file should be invalid");
        assertEquals(c.expected(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    @Test
    void aFileOfMoreThan8MiBIsRefusedBeforeItIsRead() {
        String big = "scenario: t\nnodes: [{name: n1}]\ndescription: '" + "a".repeat(Limits.MAX_FILE_BYTES) + "'\n";
        ParseOutcome outcome = new ScenarioParser().parse("big.yaml", big);
        assertEquals(List.of("big.yaml:1:1: the file holds " + big.length() + " characters; a scenario file is at most 8388608 (8 MiB)"),
                outcome.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void regressionTwoMergedMappingsOfManyKeysAreFlattenedInLinearTime() {
        String keys = IntStream.range(0, 100_000).mapToObj(i -> "k" + i + ": 1").collect(Collectors.joining(", "));
        String other = keys.replace("k", "j");
        String yaml = "x-a: &a {" + keys + "}\nx-b: &b {" + other + "}\nscenario: t\nnodes:\n  - {<<: [*a, *b], name: n1}\n";
        ParseOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new ScenarioParser().parse("t.yaml", yaml));
        assertEquals(200_000, outcome.problems().size(), "every merged key is unknown in a node");
    }

    @Test
    void everyExampleAndBenchmarkIsWithinTheLimits() throws Exception {
        List<Path> files;
        try (Stream<Path> bench = Files.list(SchemaFixture.root().resolve("scenarios/bench"))) {
            files = Stream.concat(SchemaFixture.examples().stream(), bench.filter(p -> p.toString().endsWith(".yaml"))).toList();
        }
        assertTrue(files.size() > SchemaFixture.examples().size(), "the benchmarks are read too");
        for (Path file : files) {
            ParseOutcome outcome = new ScenarioParser().parse(file);
            assertTrue(outcome.isValid(), () -> file + ": " + outcome.problems());
            assertTrue(Files.size(file) < Limits.MAX_FILE_BYTES / 10, file.toString());
        }
    }
}
