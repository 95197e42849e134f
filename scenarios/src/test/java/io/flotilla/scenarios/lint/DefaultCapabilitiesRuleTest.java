package io.flotilla.scenarios.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Drop unnecessary capabilities": only {@code cap_drop: [ALL]} drops every one Docker grants by default. */
class DefaultCapabilitiesRuleTest {

    static final String WARNING = "warning: service 'web' keeps all of Docker's default capabilities; drop unnecessary "
            + "capabilities (cap_drop: [ALL], then cap_add only what it needs) [capabilities]";

    @Test
    void warnsAtTheServiceWhenNothingIsDropped() {
        assertEquals(List.of("4:3: " + WARNING), Lints.of("capabilities", "{}"));
    }

    @Test
    void warnsAtAListWithoutAll() {
        assertEquals(List.of("4:19: " + WARNING), Lints.of("capabilities", "{cap_drop: [NET_RAW]}"));
    }

    @Test
    void dropAllAndAddingBackOneIsFine() {
        assertEquals(List.of(), Lints.of("capabilities", "{cap_drop: [all], cap_add: [NET_BIND_SERVICE]}"));
    }
}
