package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuggestionsTest {

    private static final List<String> DEPLOY = ServicesBinder.DEPLOY_KEYS;

    record Case(String name, String word, List<String> candidates, Optional<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a dropped letter", "replcas", DEPLOY, Optional.of("replicas")),
                new Case("two letters swapped count as one edit", "rpelicas", DEPLOY, Optional.of("replicas")),
                new Case("case only", "Mode", DEPLOY, Optional.of("mode")),
                new Case("hyphen for underscore", "update-config", DEPLOY, Optional.of("update_config")),
                new Case("a wholly different word gets nothing", "environment", DEPLOY, Optional.empty()),
                new Case("a short word allows one edit only", "mdoe", List.of("node"), Optional.empty()),
                new Case("a node name", "worker-4", List.of("manager-1", "worker-1"), Optional.of("worker-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void suggests(Case c) {
        assertEquals(c.expected(), Suggestions.closest(c.word(), c.candidates()));
    }
}
