package io.flotilla.scenarios.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How a draft is written: text quoted wherever YAML would read it otherwise, and which entry a position falls in. */
class ScenarioTextTest {

    record Case(Object value, String written) {}

    static Stream<Case> scalars() {
        return Stream.of(
                new Case("nginx", "nginx"),
                new Case("5s", "5s"),
                new Case("8GiB", "8GiB"),
                new Case("node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/control-plane"),
                new Case("nginx:1.27", "\"nginx:1.27\""),
                new Case("3", "\"3\""),
                new Case("0.5", "\"0.5\""),
                new Case("1e3", "\"1e3\""),
                new Case("yes", "\"yes\""),
                new Case("on", "\"on\""),
                new Case("null", "\"null\""),
                new Case("true", "\"true\""),
                new Case("node.role == manager", "\"node.role == manager\""),
                new Case("say \"hi\"", "\"say \\\"hi\\\"\""),
                new Case(3L, "3"),
                new Case(0.25, "0.25"),
                new Case(true, "true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalars")
    void writesTextThatReadsBackAsItself(Case c) {
        assertEquals(c.written(), ScenarioText.scalar(c.value()));
    }

    @Test
    void blockForSectionsAndWorkloadsInlineBelowThem() {
        Origin at = new Origin("s.yml", 3, 5, "services.web");
        Draft.Mapping root = new Draft.Mapping().put("scenario", "s");
        root.mapping("services").put("web", new Draft.Mapping()
                .put("image", "nginx:1.27", at)
                .put("deploy", new Draft.Mapping().put("replicas", 2L, at).put("placement",
                        new Draft.Mapping().put("constraints", new Draft.Seq().add("node.role == worker", at)), at)), at);
        root.seq("expect").add(new Draft.Mapping().put("running", new Draft.Mapping().put("web", 2L)));
        assertEquals("""
                # header
                scenario: s
                services:
                  web:
                    image: "nginx:1.27"
                    deploy: {replicas: 2, placement: {constraints: ["node.role == worker"]}}
                expect:
                  - running: {web: 2}
                """, ScenarioText.of(List.of("header"), root).text());
    }

    @Test
    void aPositionLeadsToTheInnermostEntryWithASource() {
        Origin service = new Origin("s.yml", 3, 3, "services.web");
        Origin constraint = new Origin("s.yml", 9, 11, "services.web.deploy.placement.constraints[0]");
        Draft.Mapping root = new Draft.Mapping();
        Draft.Seq constraints = new Draft.Seq().add("node.role = worker", constraint).add("node.role != manager", constraint);
        root.mapping("services").put("web", new Draft.Mapping()
                .put("deploy", new Draft.Mapping().put("placement", new Draft.Mapping().put("constraints", constraints))), service);
        ScenarioText text = ScenarioText.of(List.of(), root);
        String line = text.text().lines().toList().get(2);
        assertEquals("    deploy: {placement: {constraints: [\"node.role = worker\", \"node.role != manager\"]}}", line);
        ScenarioText.Span span = text.at(3, line.indexOf("\"node.role = worker\"") + 1).orElseThrow();
        assertEquals(constraint, span.entry().origin().orElseThrow());
        span.remove().run();
        assertEquals(List.of("node.role != manager"), constraints.items.stream().map(e -> ((Draft.Scalar) e.value()).value()).toList());
        assertEquals(service, text.at(2, 5).orElseThrow().entry().origin().orElseThrow());
    }
}
