package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When the command line colours and shows progress: colour only on a terminal stdout, never with
 * {@code NO_COLOR} set to anything (no-color.org) nor {@code TERM=dumb}; progress only on a
 * terminal stderr. The launcher's properties win over the JVM's console.
 */
class TerminalTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("both terminals", "true", "true", null, null, false, true, true),
                Arguments.of("piped stdout", "false", "true", null, null, true, false, true),
                Arguments.of("piped stderr", "true", "false", null, null, true, true, false),
                Arguments.of("NO_COLOR set", "true", "true", "1", null, true, false, true),
                Arguments.of("NO_COLOR empty counts as unset", "true", "true", "", null, true, true, true),
                Arguments.of("a dumb terminal", "true", "true", null, "dumb", true, false, true),
                Arguments.of("no launcher, a console", null, null, null, "xterm", true, true, true),
                Arguments.of("no launcher, no console", null, null, null, "xterm", false, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, String stdoutTty, String stderrTty, String noColor, String term, boolean console,
            boolean colour, boolean progress) {
        Map<String, String> env = new HashMap<>();
        if (noColor != null) {
            env.put("NO_COLOR", noColor);
        }
        if (term != null) {
            env.put("TERM", term);
        }
        Map<String, String> properties = new HashMap<>();
        if (stdoutTty != null) {
            properties.put("flotilla.stdout.tty", stdoutTty);
            properties.put("flotilla.stderr.tty", stderrTty);
        }
        Terminal terminal = Terminal.of(env, properties::get, console);
        assertEquals(colour, terminal.colour(), "colour");
        assertEquals(progress, terminal.progress(), "progress");
    }
}
