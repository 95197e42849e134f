package io.flotilla.scenarios.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Use read-only file systems." */
class WritableRootFilesystemRuleTest {

    static final String WARNING = "warning: service 'web' has a writable root filesystem; use read-only file systems "
            + "(read_only: true) [writable-root]";

    @Test
    void warnsAtTheServiceWhenNothingIsWritten() {
        assertEquals(List.of("4:3: " + WARNING), Lints.of("writable-root", "{image: \"nginx:1.27\"}"));
    }

    @Test
    void warnsAtAFalseValue() {
        assertEquals(List.of("4:20: " + WARNING), Lints.of("writable-root", "{read_only: false}"));
    }

    @Test
    void aReadOnlyRootFilesystemIsFine() {
        assertEquals(List.of(), Lints.of("writable-root", Lints.HARDENED));
    }
}
