package io.flotilla.scenarios.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import java.util.List;

/** The lint of one service written as {@code web: {...}} (line 4 of the file), for one rule. */
final class Lints {

    private Lints() {}

    /** {@code LINE:COLUMN: warning} lines of {@code rule} for a file whose one service is {@code web: SERVICE}. */
    static List<String> of(String rule, String service) {
        return of(rule, service, "");
    }

    /** The same, with {@code more} top-level keys after the services (such as {@code images}). */
    static List<String> of(String rule, String service, String more) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", """
                scenario: t
                nodes: [{name: n1, role: manager}]
                services:
                  web: %s
                """.formatted(service) + more);
        assertEquals(List.of(), outcome.problems());
        return outcome.lint().stream()
                .filter(p -> p.message().endsWith("[" + rule + "]"))
                .map(p -> p.line() + ":" + p.column() + ": " + p.message())
                .toList();
    }

    /** A service that follows every practice. */
    static final String HARDENED = "{image: \"nginx:1.27\", user: \"101\", read_only: true, cap_drop: [ALL], "
            + "healthcheck: {interval: 5s}}";
}
