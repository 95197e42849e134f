package io.flotilla.scenarios.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Restrict privileges": a privileged container is warned about at its value, whatever the strategy. */
class PrivilegedRuleTest {

    @Test
    void warnsAtTheValue() {
        assertEquals(List.of("4:21: warning: service 'web' is privileged: every capability and every device of its host; "
                + "restrict privileges [privileged]"), Lints.of("privileged", "{privileged: true}"));
    }

    @Test
    void notPrivilegedIsFine() {
        assertEquals(List.of(), Lints.of("privileged", "{privileged: false}"));
        assertEquals(List.of(), Lints.of("privileged", "{}"));
    }
}
