package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema agrees with the parser: it accepts the good files and rejects the bad ones. */
class SchemaTest {

    static Stream<String> badFiles() {
        return Stream.of("unknown-key.yaml", "wrong-type.yaml", "bad-enum.yaml", "missing-scenario.yaml",
                "bad-unit.yaml", "two-actions.yaml", "reason-without-pending.yaml", "bad-name.yaml", "bad-traffic.yaml",
                "bad-driver.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void rejectsABadFileThatTheParserRejectsToo(String name) throws Exception {
        Path file = ScenarioParserTest.resource("schema-bad/" + name);
        assertFalse(SchemaFixture.validate(file).isEmpty(), "the schema should reject " + name);
        assertFalse(new ScenarioParser().parse(file).isValid(), "the parser should reject " + name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full.yaml", "contract.yaml", "full-data-plane.yaml"})
    void acceptsAGoodFile(String name) throws Exception {
        assertEquals(Set.of(), SchemaFixture.validate(ScenarioParserTest.resource(name)));
    }
}
