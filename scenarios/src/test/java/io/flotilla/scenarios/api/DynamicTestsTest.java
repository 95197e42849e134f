package io.flotilla.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** {@link Flotilla#dynamicTests}: the tests it makes, their names, and what a failure says. */
class DynamicTestsTest {

    /** Two workers; web.1 and web.3 on worker-1, web.2 on worker-2 (swarmkit's spread); worker-1 crashes at 30s. */
    static final String CRASH = """
            scenario: crash
            until: 1m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            services:
              web: {image: "nginx:1.27", deploy: {replicas: 3}}
            timeline:
              - {at: 30s, crash: worker-1}
            expect:
              - {at: 20s, running: {web: 3}}
              - at: 40s
                placement:
                  web: {worker-1: 2}
              - {node: {worker-1: ready}}
              - {spread: {web: [3]}}
            """;

    @TempDir
    Path dir;

    @Test
    void aTestPerExpectationNamedAfterItsLineCheckAndTime() throws IOException {
        Path file = write("crash.yaml", CRASH);
        List<DynamicTest> tests = tests(Flotilla.dynamicTests(file));
        assertEquals(List.of("line 11 running at 20s", "line 12 placement at 40s", "line 15 node at 1m (the end)",
                "line 16 spread at 1m (the end)"), tests.stream().map(DynamicNode::getDisplayName).toList());
        assertEquals(file.toUri() + "?line=12&column=5", tests.get(1).getTestSourceUri().orElseThrow().toString());
        assertDoesNotThrow(() -> tests.get(0).getExecutable().execute());
        assertDoesNotThrow(() -> tests.get(3).getExecutable().execute());
    }

    @Test
    void aFailureSaysWhatWasExpectedWhatWasFoundAndWhatExplainsIt() throws IOException {
        Path file = write("crash.yaml", CRASH);
        List<DynamicTest> tests = tests(Flotilla.dynamicTests(file));
        assertEquals("""
                line 12 placement at 40s failed
                  expected: - at: 40s
                              placement:
                                web: {worker-1: 2}
                  found:    web: worker-1 has 0, expected 2
                  explain:  ./flotilla explain %s --task web.1 --at 40s""".formatted(file), failure(tests.get(1)));
        assertEquals("""
                line 15 node at 1m (the end) failed
                  expected: - {node: {worker-1: ready}}
                  found:    worker-1: down, expected ready
                  explain:  ./flotilla run %s --report run.html   (the run, to scrub to 1m)""".formatted(file), failure(tests.get(2)));
    }

    @Test
    void aFolderIsAContainerPerFileAndPerSubFolder() throws IOException {
        write("b.yaml", CRASH);
        write("a.yml", CRASH.replace("scenario: crash", "scenario: other"));
        write("notes.txt", "not a scenario");
        Files.createDirectories(dir.resolve("more"));
        write("more/c.yaml", CRASH);
        List<DynamicNode> nodes = Flotilla.dynamicTests(dir).toList();
        assertEquals(List.of("a.yml", "b.yaml", "more"), nodes.stream().map(DynamicNode::getDisplayName).toList());
        List<DynamicNode> inMore = ((DynamicContainer) nodes.get(2)).getChildren().map(DynamicNode.class::cast).toList();
        assertEquals(List.of("c.yaml"), inMore.stream().map(DynamicNode::getDisplayName).toList());
        assertEquals(4, tests(((DynamicContainer) inMore.get(0)).getChildren().map(DynamicNode.class::cast)).size());
    }

    @Test
    void aFileWithProblemsIsOneFailingTestThatListsThem() throws IOException {
        Path file = write("bad.yaml", "scenario: bad\nnodes: [{name: n1}]\nservices: {web: {deploy: {replcas: 3}}}\n");
        List<DynamicTest> tests = tests(Flotilla.dynamicTests(file));
        assertEquals(List.of("problems in bad.yaml"), tests.stream().map(DynamicNode::getDisplayName).toList());
        assertEquals(file + " has problems; nothing ran:\n" + file + ":3:27: unknown key 'replcas' in deploy; did you mean 'replicas'?",
                failure(tests.get(0)));
    }

    @Test
    void aFileWithoutExpectationsIsOneTestThatRunsIt() throws IOException {
        Path file = write("quiet.yaml", CRASH.substring(0, CRASH.indexOf("expect:")));
        List<DynamicTest> tests = tests(Flotilla.dynamicTests(file));
        assertEquals(List.of("runs (no expectations)"), tests.stream().map(DynamicNode::getDisplayName).toList());
        assertDoesNotThrow(() -> tests.get(0).getExecutable().execute());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<DynamicTest> tests(Stream<DynamicNode> nodes) {
        return nodes.map(DynamicTest.class::cast).toList();
    }

    private static String failure(DynamicTest test) {
        return assertThrows(AssertionFailedError.class, () -> test.getExecutable().execute()).getMessage();
    }
}
