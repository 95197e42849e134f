package io.flotilla.scenarios.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A service needs a health check for the orchestrator to know more than that its process runs. */
class NoHealthcheckRuleTest {

    static final String WARNING = "warning: service 'web' has no health check: it counts as up as long as its process runs "
            + "[healthcheck]";

    @Test
    void warnsAtTheServiceWithoutOne() {
        assertEquals(List.of("4:3: " + WARNING), Lints.of("healthcheck", "{}"));
    }

    @Test
    void warnsAtACheckTurnedOff() {
        assertEquals(List.of("4:22: " + WARNING), Lints.of("healthcheck", "{healthcheck: {disable: true}}"));
        assertEquals(List.of("4:22: " + WARNING), Lints.of("healthcheck", "{healthcheck: {test: [\"NONE\"]}}"));
    }

    @Test
    void aHealthCheckIsFine() {
        assertEquals(List.of(), Lints.of("healthcheck", Lints.HARDENED));
    }
}
